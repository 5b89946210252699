import { eq } from 'drizzle-orm';
import type { ChannelAuth, ConnectorContext } from '../../../connectors/types';
import type { SecretBox } from '../../crypto';
import type { Db } from '../../db/client';
import { channels } from '../../db/schema';
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
 * What a connector needs to act for a channel: its auth, and for OAuth networks the operator's app
 * (to renew tokens). Tokens it renews on the way are stored at once, with their expiry.
 */
export function connectorContext(db: Db, secrets: SecretBox, channel: { id: string; network: string; authSealed: string }): ConnectorContext {
  const client = maybeConnectorFor(channel.network)?.capabilities.oauth ? oauthClientFor(channel.network) : null;
  return {
    auth: openAuth(secrets, channel.authSealed),
    ...(client && !('missing' in client) && { oauthClient: client }),
    onAuthRefreshed: (auth) => storeAuth(db, secrets, channel.id, auth),
  };
}
