import { eq } from 'drizzle-orm';
import type { ChannelAuth, ConnectorContext, HostServices } from '../../../connectors/types';
import type { SecretBox } from '../../crypto';
import type { Db } from '../../db/client';
import { channels } from '../../db/schema';
import { communityHost } from '../community';
import { maybeConnectorFor, oauthClientFor } from './connectors';

/** When the stored access token expires: the connector's `auth.expiresAt` (ISO 8601), or null. */
export function expiryOf(auth: ChannelAuth): Date | null {
  if (!auth.expiresAt) return null;
  const d = new Date(auth.expiresAt);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Seals the channel's new auth and records its expiry (the refresh job reads it). */
export async function storeAuth(db: Db, secrets: SecretBox, channelId: string, auth: ChannelAuth) {
  await db.update(channels).set({ authSealed: secrets.seal(JSON.stringify(auth)), authExpiresAt: expiryOf(auth) }).where(eq(channels.id, channelId));
}

export function openAuth(secrets: SecretBox, sealed: string): ChannelAuth {
  return JSON.parse(secrets.open(sealed)) as ChannelAuth;
}

/**
 * What the server offers connectors of places it hosts (`auth: 'hosted'`), scoped to one workspace:
 * today the brand's community. Other connectors get nothing.
 */
export function hostServices(db: Db, network: string, workspaceId: string): HostServices | undefined {
  if (maybeConnectorFor(network)?.capabilities.auth !== 'hosted') return undefined;
  return { community: communityHost(db, workspaceId) };
}

/**
 * What a connector needs to act for a channel: its auth, and for OAuth networks the operator's app
 * (to renew tokens). Tokens it renews on the way are stored at once, with their expiry. `actor` is the
 * team member the call is made for (a post's author, the person answering from the inbox), for places
 * that show people under their own name; hosted places also get the server's services.
 */
export function connectorContext(db: Db, secrets: SecretBox, channel: { id: string; network: string; authSealed: string; workspaceId: string }, actor?: { userId: string }): ConnectorContext {
  const client = maybeConnectorFor(channel.network)?.capabilities.oauth ? oauthClientFor(channel.network) : null;
  const host = hostServices(db, channel.network, channel.workspaceId);
  return {
    auth: openAuth(secrets, channel.authSealed),
    ...(client && !('missing' in client) && { oauthClient: client }),
    ...(host && { host }),
    ...(actor && { actor }),
    onAuthRefreshed: (auth) => storeAuth(db, secrets, channel.id, auth),
  };
}
