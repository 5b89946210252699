import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { PublishError, type ScheduledOutcome } from '../../../../connectors/types';
import { channels, postTargets, postVariants, posts } from '../../../db/schema';
import { connectorContext, markChannelNeedsReconnect, maybeConnectorFor, recordChannelError, recordChannelOk } from '../../channels';
import { confirmHandover } from '../jobs/confirmHandover';
import { publishPartsOf } from '../presenters';
import { CONFIRM_AFTER_MS, CONFIRM_EVERY_MS, CONFIRM_GIVE_UP_MS } from './handover';
import { notifyFailed, settle } from './outcomes';
import type { PublisherServices } from './runTarget';

/**
 * After the due time of a post handed over to the network's scheduler: asks the network what became
 * of it (the connector's `confirmScheduled`) and settles the target — published with the network's
 * reference, failed with the reason (the author is told), or unknown for a person to check. While
 * the network still holds it, or cannot be asked (rate limit, outage, sign-in expired), it looks
 * again later, for up to 50 minutes after the time. Each look holds the target with a lease, so two
 * runs never ask at once; nothing here ever publishes a second post (the connector promises it).
 */
export async function confirmHeld(svc: PublisherServices, targetId: string): Promise<void> {
  const { db, jobs, log } = svc;
  const now = new Date();
  const lease = new Date(now.getTime() + svc.leaseMs);
  const [target] = await db
    .update(postTargets)
    .set({ leaseUntil: lease })
    .where(and(eq(postTargets.id, targetId), eq(postTargets.state, 'handed_over'), or(isNull(postTargets.leaseUntil), lt(postTargets.leaseUntil, now)), lt(postTargets.dueAt, new Date(now.getTime() - CONFIRM_AFTER_MS + 1000))))
    .returning();
  if (!target) return;
  const again = async (at: Date, lastError: string | null) => {
    await db.transaction(async (tx) => {
      await tx.update(postTargets).set({ leaseUntil: null, lastError }).where(and(eq(postTargets.id, target.id), eq(postTargets.leaseUntil, lease)));
      await jobs.enqueue(tx, confirmHandover, { targetId: target.id }, { startAfter: at, singletonKey: `confirm:${target.id}` });
    });
  };
  const late = now.getTime() - target.dueAt.getTime();
  const giveUp = late > CONFIRM_GIVE_UP_MS;
  const [row] = await db
    .select({ channel: channels, post: posts, variant: postVariants })
    .from(channels)
    .innerJoin(posts, eq(posts.id, target.postId))
    .innerJoin(postVariants, and(eq(postVariants.postId, target.postId), eq(postVariants.channelId, target.channelId)))
    .where(eq(channels.id, target.channelId));
  const connector = row && maybeConnectorFor(row.channel.network);
  const ref = target.remoteRefs[0];
  if (!row || !connector?.confirmScheduled || !ref) {
    await settle(db, target, { state: 'unknown', lastError: 'Handed over to the network, but this server can no longer ask the network about it; check the post there.' }, lease, undefined, 'handed_over');
    return;
  }
  if (row.channel.status !== 'connected') {
    if (giveUp) return settle(db, target, { state: 'unknown', lastError: 'Handed over to the network, but the channel needed reconnecting until too late to confirm it; check the post there.' }, lease, undefined, 'handed_over');
    return again(new Date(now.getTime() + CONFIRM_EVERY_MS), 'Handed over; confirming waits for the channel to be reconnected.');
  }
  const parts = publishPartsOf(row.post, row.variant);
  let outcome: ScheduledOutcome;
  try {
    outcome = await connector.confirmScheduled(connectorContext(db, svc.secrets!, row.channel, row.post.authorId ? { userId: row.post.authorId } : undefined), ref, { text: parts[0]?.text ?? '', idempotencyKey: `${target.id}:0`, scheduledAt: target.dueAt });
  } catch (err) {
    if (err instanceof PublishError && err.kind === 'auth_expired') await markChannelNeedsReconnect(db, jobs, row.channel.id, err.message);
    else await recordChannelError(svc, row.channel.id, err);
    log.warn({ targetId, err: (err as Error).message }, 'publisher: could not confirm a handed-over post yet');
    if (giveUp) return settle(db, target, { state: 'unknown', lastError: `Could not confirm the post with the network: ${(err as Error).message}` }, lease, undefined, 'handed_over');
    const at = err instanceof PublishError && err.kind === 'rate_limited' && err.opts.retryAfter ? err.opts.retryAfter : new Date(now.getTime() + CONFIRM_EVERY_MS);
    return again(at, `Confirming with the network failed for now: ${(err as Error).message}`);
  }
  await recordChannelOk(db, row.channel.id);
  switch (outcome.state) {
    case 'scheduled':
      if (giveUp) return settle(db, target, { state: 'unknown', lastError: `The network still holds the post ${Math.round(late / 60_000)} minutes after its time; check it there.` }, lease, undefined, 'handed_over');
      return again(new Date(now.getTime() + CONFIRM_EVERY_MS), null);
    case 'published':
      return settle(db, target, { state: 'published', remoteRefs: [outcome.ref], nextPart: 1, publishedAt: now, lastError: null }, lease, undefined, 'handed_over');
    case 'unknown':
      return settle(db, target, { state: 'unknown', lastError: outcome.reason }, lease, undefined, 'handed_over');
    case 'failed':
      return settle(db, target, { state: 'failed', lastError: `The network did not publish the post: ${outcome.reason}` }, lease, (tx) => notifyFailed(tx, jobs, target, row.channel.id, outcome.reason), 'handed_over');
  }
}
