import { and, eq } from 'drizzle-orm';
import { PublishError } from '../../../../connectors/types';
import type { SecretBox } from '../../../crypto';
import type { Db } from '../../../db/client';
import { channels } from '../../../db/schema';
import type { JobQueue } from '../../../jobs/runtime';
import type { Logger } from '../../../logger';
import { connectorContext, storeAuth } from '../channelAuth';
import { maybeConnectorFor } from '../connectors';
import { recordChannelError, recordChannelOk } from './channelHealth';

export interface ChannelServices {
  db: Db;
  jobs: JobQueue;
  secrets: SecretBox;
  log: Logger;
}

export type RefreshOutcome = 'refreshed' | 'needs_reconnect' | 'failed' | 'skipped';

/**
 * Renews a channel's tokens before they expire. A refused refresh (`auth_expired`) means the account
 * must be reconnected (its managers are told); any other failure is recorded and the channel stays
 * connected, so the next run tries again while the old token may still be valid.
 */
export async function refreshChannelAuth(svc: ChannelServices, channelId: string): Promise<RefreshOutcome> {
  const [channel] = await svc.db.select().from(channels).where(and(eq(channels.id, channelId), eq(channels.status, 'connected')));
  const connector = channel && maybeConnectorFor(channel.network);
  if (!channel || !connector?.refreshAuth || !channel.authSealed) return 'skipped';
  try {
    const fresh = await connector.refreshAuth(connectorContext(svc.db, svc.secrets, channel));
    await storeAuth(svc.db, svc.secrets, channel.id, fresh);
    await recordChannelOk(svc.db, channel.id);
    return 'refreshed';
  } catch (err) {
    // A refused refresh that is not an expired grant (a wrong client, say) is still this channel's problem.
    await recordChannelError(svc, channel.id, err instanceof PublishError && err.kind === 'rejected' ? new Error(err.message) : err);
    const kind = err instanceof PublishError ? err.kind : 'unclassified';
    svc.log.warn({ channelId, network: channel.network, kind, message: (err as Error).message }, 'channels: token refresh failed');
    return kind === 'auth_expired' ? 'needs_reconnect' : 'failed';
  }
}
