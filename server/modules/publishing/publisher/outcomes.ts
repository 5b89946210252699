import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { PublishError, RemoteRef } from '../../../../connectors/types';
import type { Db } from '../../../db/client';
import { channels, postTargets, posts, publishAttempts, type TargetState } from '../../../db/schema';
import { publishTarget } from '../jobs/publishTarget';
import type { PublisherServices } from './runTarget';
import type { JobQueue } from '../../../jobs/runtime';
import { notifyPostAuthor } from '../../collaboration';
import { markChannelNeedsReconnect, recordChannelError, recordChannelOk } from '../../channels';
import { postStatusOf } from './postStatus';
import { settlePublished } from './settlePublished';

type Target = typeof postTargets.$inferSelect;

/** Transient errors: exponential backoff with jitter, bounded. */
export const TRANSIENT = { baseMs: 1000, capMs: 15 * 60_000, maxAttempts: 6 };
/** Outcomes left unknown this many times in a row stay `unknown` for a person to look at. */
const MAX_UNKNOWN = 5;

/**
 * This run's lease expired and another worker claimed the target: whatever this run still wanted to
 * write is dropped. The new holder reconciles any intent this run left open before sending anything.
 */
export class LeaseLost extends Error {
  constructor(targetId: string) {
    super(`lease on target ${targetId} lost to another worker`);
  }
}

/**
 * A write fenced by the lease this run holds (`held`, the exact `lease_until` it set): renews it to
 * `next` and returns true, or returns false when another worker has claimed the target since.
 */
export async function renewLease(db: Db, targetId: string, held: Date, next: Date | null, set: Partial<typeof postTargets.$inferInsert> = {}): Promise<boolean> {
  const rows = await db
    .update(postTargets)
    .set({ ...set, leaseUntil: next, updatedAt: new Date() })
    .where(and(eq(postTargets.id, targetId), eq(postTargets.state, 'publishing'), eq(postTargets.leaseUntil, held)))
    .returning({ id: postTargets.id });
  return rows.length === 1;
}

/**
 * One part is on the network: close its attempt(s), store the reference, advance (its quota was
 * reserved at the claim). The last part also settles the target as published, in the same
 * transaction. Returns the renewed lease.
 */
export async function recordPart(db: Db, o: { lease: Date; leaseMs: number; attemptIds: number[]; target: Target; partIndex: number; ref: RemoteRef; refs: RemoteRef[]; outcome: 'success' | 'reconciled'; durationMs?: number; last: boolean }): Promise<Date> {
  // Each confirmed part renews the lease, so a long thread is not taken over mid-way.
  const next = new Date(Date.now() + o.leaseMs);
  const attempt = o.outcome === 'success' ? { outcome: 'success' as const, remoteId: o.ref.id, durationMs: o.durationMs ?? null } : { outcome: 'reconciled' as const, remoteId: o.ref.id, message: 'Found on the network after an unknown outcome.' };
  const progress = { remoteRefs: o.refs.slice(0, o.partIndex + 1), nextPart: o.partIndex + 1 };
  if (o.last) {
    // The common end of a publish, batched with the others finishing now (one transaction for many).
    if (!(await settlePublished(db, { targetId: o.target.id, postId: o.target.postId, lease: o.lease, refs: progress.remoteRefs, nextPart: progress.nextPart, attemptIds: o.attemptIds, attempt }))) throw new LeaseLost(o.target.id);
    await recordChannelOk(db, o.target.channelId);
    return next;
  }
  await db.transaction(async (tx) => {
    if (!(await renewLease(tx, o.target.id, o.lease, next, progress))) throw new LeaseLost(o.target.id);
    await tx.update(publishAttempts).set(attempt).where(inArray(publishAttempts.id, o.attemptIds));
  });
  return next;
}

export async function finishTarget(db: Db, target: Target, lease: Date) {
  await settle(db, target, { state: 'published', publishedAt: new Date(), lastError: null }, lease);
}

/** A classified network error: retry, wait, or fail, as the kind says. */
export async function recordFailure(svc: PublisherServices, o: { attemptId: number; target: Target; channelId: string; err: PublishError; durationMs: number; lease: Date }) {
  const { db, jobs } = svc;
  const { err, target, lease } = o;
  // Channel health: a rate limit or a transient error is recorded (the channel stays connected).
  if (err.kind !== 'auth_expired') await recordChannelError(svc, o.channelId, err);
  const closeAttempt = (tx: Db) => tx.update(publishAttempts).set({ outcome: 'error', errorKind: err.kind, message: err.message.slice(0, 2000), durationMs: o.durationMs }).where(eq(publishAttempts.id, o.attemptId));
  // A failure is final for this channel: the author hears of it in the same transaction.
  const fail = (lastError: string) =>
    settle(db, target, { state: 'failed', lastError }, lease, async (tx) => {
      await closeAttempt(tx);
      await notifyFailed(tx, jobs, target, o.channelId, lastError);
    });
  if (err.kind === 'rejected') return fail(`The network refused the post: ${err.message}`);
  if (err.kind === 'auth_expired') {
    // Nothing is lost: the post waits, and the sweep sends it once the channel is connected again.
    return settle(db, target, { state: 'pending', lastError: `The channel's sign-in expired; the post waits and goes out once the channel is reconnected. (${err.message})` }, lease, async (tx) => {
      await closeAttempt(tx);
      await markChannelNeedsReconnect(tx, jobs, o.channelId, err.message);
    });
  }
  let at: Date;
  if (err.kind === 'rate_limited') at = err.opts.retryAfter ?? new Date(Date.now() + 60_000);
  else {
    // This error's attempt is still open, so count it in. Each manual retry (after the target failed
    // on its last try) starts a fresh round of maxAttempts.
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(publishAttempts).where(and(eq(publishAttempts.targetId, target.id), eq(publishAttempts.errorKind, 'transient')));
    const total = Number(row?.n ?? 0) + 1;
    const n = ((total - 1) % TRANSIENT.maxAttempts) + 1;
    if (n >= TRANSIENT.maxAttempts) return fail(`The network kept failing (${n} attempts in a row); last error: ${err.message}`);
    const exp = Math.min(TRANSIENT.capMs, TRANSIENT.baseMs * 2 ** (n - 1));
    at = new Date(Date.now() + exp / 2 + Math.random() * (exp / 2));
  }
  await db.transaction(async (tx) => {
    if (!(await renewLease(tx, target.id, lease, null, { state: 'pending', lastError: err.message }))) throw new LeaseLost(target.id);
    await closeAttempt(tx);
    await jobs.enqueue(tx, publishTarget, { targetId: target.id }, { startAfter: at, singletonKey: target.id });
  });
}

/** The call's outcome is unknown: the open intent makes the next run look the post up before sending. */
export async function recordUnknown(svc: PublisherServices, o: { target: Target; message: string; lease: Date }) {
  const { db, jobs } = svc;
  // Earlier unknowns are closed as not_found when the next run republishes: count both, or a network
  // that always loses answers would be called forever.
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(publishAttempts).where(and(eq(publishAttempts.targetId, o.target.id), or(eq(publishAttempts.outcome, 'unknown'), eq(publishAttempts.errorKind, 'not_found'))));
  const n = Math.max(1, Number(row?.n ?? 1));
  if (n >= MAX_UNKNOWN) return settle(db, o.target, { state: 'unknown', lastError: `Outcome still unknown after ${n} tries (${o.message}); check the post on the network.` }, o.lease);
  await settle(db, o.target, { state: 'unknown', lastError: `Outcome unknown (${o.message}); checking the network before any retry.` }, o.lease, async (tx) => {
    await jobs.enqueue(tx, publishTarget, { targetId: o.target.id }, { startAfter: new Date(Date.now() + 2000 * 2 ** (n - 1)), singletonKey: o.target.id });
  });
}

/**
 * Sets the target's state (releasing the lease, which must still be this run's when `lease` is given,
 * on a target in state `held`) and derives the post's status from all its targets; `also` runs in
 * the same transaction.
 */
export async function settle(db: Db, target: Target, set: { state: TargetState; lastError: string | null; publishedAt?: Date; remoteRefs?: RemoteRef[]; nextPart?: number }, lease?: Date, also?: (tx: Db) => Promise<unknown>, held: TargetState = 'publishing') {
  await db.transaction(async (tx) => {
    await tx.select({ id: posts.id }).from(posts).where(eq(posts.id, target.postId)).for('update');
    const updated = await tx
      .update(postTargets)
      .set({ ...set, leaseUntil: null, updatedAt: new Date() })
      .where(and(eq(postTargets.id, target.id), lease ? and(eq(postTargets.state, held), eq(postTargets.leaseUntil, lease)) : undefined))
      .returning({ id: postTargets.id });
    if (!updated.length) throw new LeaseLost(target.id);
    await also?.(tx);
    const states = (await tx.select({ state: postTargets.state }).from(postTargets).where(eq(postTargets.postId, target.postId))).map((r) => r.state);
    await tx.update(posts).set({ status: postStatusOf(states), updatedAt: new Date() }).where(eq(posts.id, target.postId));
  });
}

/** Tells the post's author that one channel failed, with the reason shown in the app. */
export async function notifyFailed(tx: Db, jobs: JobQueue, target: Target, channelId: string, message: string) {
  const [channel] = await tx.select({ name: channels.name }).from(channels).where(eq(channels.id, channelId));
  await notifyPostAuthor({ tx, ctx: { jobs }, workspaceId: target.workspaceId, postId: target.postId, kind: 'post.publish_failed', payload: { channelName: channel?.name ?? '', message: message.slice(0, 300) } });
}
