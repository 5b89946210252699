import { and, arrayOverlaps, eq, gte, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { PublishError } from '../../../../connectors/types';
import { ACTIONS } from '../../../../shared/permissions';
import type { Db } from '../../../db/client';
import { channels, workspaceMembers } from '../../../db/schema';
import type { JobQueue } from '../../../jobs/runtime';
import { notify } from '../../collaboration';

/**
 * A channel's health, as the channel view shows it: every call to a network (publishing, pulls,
 * refreshes, metrics) reports here. Only an expired or revoked sign-in takes a channel out of
 * `connected`; a transient error or a rate limit is recorded and the channel stays connected.
 */

/**
 * The network answered: stamps `last_ok_at` and ends a rate limit. A healthy channel's row is written
 * at most once a minute (publishing calls this per post); after an error, at once.
 */
export async function recordChannelOk(db: Db, channelId: string, now = new Date()) {
  await db
    .update(channels)
    .set({ lastOkAt: now, rateLimitedUntil: null })
    .where(and(eq(channels.id, channelId), or(isNull(channels.lastOkAt), lt(channels.lastOkAt, new Date(now.getTime() - 60_000)), isNotNull(channels.rateLimitedUntil), gte(channels.lastErrorAt, channels.lastOkAt))));
}

/**
 * A failed call. `auth_expired` marks the channel for reconnection (and tells its managers);
 * `rate_limited` records until when to hold; `transient` (and any unclassified error) is recorded as
 * the last error. `rejected` is about one post or item, not the channel, and is left out.
 */
export async function recordChannelError(svc: { db: Db; jobs: JobQueue }, channelId: string, err: unknown) {
  const now = new Date();
  if (err instanceof PublishError && err.kind === 'rejected') return;
  if (err instanceof PublishError && err.kind === 'auth_expired') {
    await markChannelNeedsReconnect(svc.db, svc.jobs, channelId, err.message);
    return;
  }
  const message = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
  const until = err instanceof PublishError && err.kind === 'rate_limited' ? (err.opts.retryAfter ?? new Date(now.getTime() + 60_000)) : undefined;
  await svc.db
    .update(channels)
    .set({ lastError: message, lastErrorAt: now, ...(until && { rateLimitedUntil: until }) })
    .where(eq(channels.id, channelId));
}

/**
 * The network no longer accepts the channel's sign-in: `needs_reconnect`, with the network's words,
 * and a notification to the members who manage channels — once, when the channel was connected.
 * Call it inside the caller's transaction when there is one.
 */
export async function markChannelNeedsReconnect(tx: Db, jobs: JobQueue, channelId: string, message: string): Promise<boolean> {
  const [row] = await tx
    .update(channels)
    .set({ status: 'needs_reconnect', lastError: message.slice(0, 2000), lastErrorAt: new Date() })
    .where(and(eq(channels.id, channelId), eq(channels.status, 'connected')))
    .returning({ id: channels.id, workspaceId: channels.workspaceId, name: channels.name, network: channels.network });
  if (!row) return false;
  const managers = await tx
    .select({ userId: workspaceMembers.userId })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, row.workspaceId), arrayOverlaps(workspaceMembers.roles, [...ACTIONS['channels.manage'].roles])));
  await notify({ db: tx, jobs, workspaceId: row.workspaceId, userIds: managers.map((m) => m.userId), kind: 'channel.needs_reconnect', payload: { channelId: row.id, channelName: row.name, network: row.network, message: message.slice(0, 300) } });
  return true;
}
