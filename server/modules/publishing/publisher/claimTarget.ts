import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { channels, postTargets, postVariants, posts, publishAttempts, publishingSettings } from '../../../db/schema';
import type { QuotaRule } from '../../../../connectors/types';
import { publishPartsOf } from '../presenters';
import { reserveQuota, type Reservation } from './quota';

type Parts = ReturnType<typeof publishPartsOf>;
type Target = typeof postTargets.$inferSelect;

export type Claim =
  | { kind: 'done' }
  | { kind: 'later'; at: Date; why: string }
  | { kind: 'hold'; why: string }
  | { kind: 'refuse'; target: Target; why: string }
  | {
      kind: 'claimed';
      target: Target;
      post: typeof posts.$inferSelect;
      variant: typeof postVariants.$inferSelect;
      channel: typeof channels.$inferSelect;
      parts: Parts;
      reservation: Reservation | null;
      /** The first part's intent, written in the claim: absent when earlier intents must be reconciled first. */
      intentId: number | null;
    };

export interface ClaimOptions {
  targetId: string;
  quotas: (network: string) => QuotaRule[];
  leaseMs: number;
  worker: string;
  summary: (parts: Parts, i: number) => Record<string, number | boolean>;
}

/**
 * Decides, under a row lock, whether this run may publish the target now, and if so takes a lease on
 * it, reserves quota for every part it still has to publish (a thread is never cut mid-way by the
 * quota) and, when no earlier intent is left open, records the intent for the first part, all in one
 * transaction. Every "not now" answer says when (or that someone else will) come back.
 */
export async function claimTarget(db: Db, o: ClaimOptions): Promise<Claim> {
  return db.transaction(async (tx): Promise<Claim> => {
    const [target] = await tx.select().from(postTargets).where(eq(postTargets.id, o.targetId)).for('update');
    if (!target || ['published', 'failed', 'cancelled'].includes(target.state)) return { kind: 'done' };
    const now = new Date();
    // Rescheduled later: the newer job will come at the new time.
    if (target.dueAt.getTime() > now.getTime() + 1000) return { kind: 'done' };
    if (target.state === 'publishing' && target.leaseUntil && target.leaseUntil > now) return { kind: 'later', at: new Date(target.leaseUntil.getTime() + 1000), why: 'another worker holds it' };
    const [row] = await tx
      .select({ channel: channels, post: posts, variant: postVariants, paused: publishingSettings.paused })
      .from(posts)
      .innerJoin(channels, and(eq(channels.id, target.channelId), eq(channels.workspaceId, target.workspaceId)))
      .innerJoin(postVariants, and(eq(postVariants.postId, posts.id), eq(postVariants.channelId, target.channelId)))
      .leftJoin(publishingSettings, eq(publishingSettings.workspaceId, target.workspaceId))
      .where(eq(posts.id, target.postId));
    if (!row) return { kind: 'done' };
    if (row.paused) return { kind: 'hold', why: 'publishing is paused in this workspace' };
    const { channel, post, variant } = row;
    const parts = publishPartsOf(post, variant);
    const open = await tx.select({ id: publishAttempts.id }).from(publishAttempts).where(and(eq(publishAttempts.targetId, target.id), eq(publishAttempts.partIndex, target.nextPart), eq(publishAttempts.outcome, 'unknown'))).limit(1);
    if (channel.status !== 'connected') {
      // Without a sign-in nothing can be sent or looked up: an open intent waits for the reconnection, anything else fails with what to do.
      if (open.length) return { kind: 'hold', why: 'the channel must be reconnected before the post can be looked up on the network' };
      return { kind: 'refuse', target, why: channel.status === 'disconnected' ? 'The channel was disconnected before the post went out.' : "The channel's sign-in expired; reconnect it, then retry the post." };
    }
    const [claimed] = await tx.update(postTargets).set({ state: 'publishing', leaseUntil: new Date(now.getTime() + o.leaseMs), updatedAt: now }).where(eq(postTargets.id, target.id)).returning();
    if (post.status === 'scheduled') await tx.update(posts).set({ status: 'publishing', updatedAt: now }).where(and(eq(posts.id, post.id), eq(posts.status, 'scheduled')));
    let intentId: number | null = null;
    if (!open.length && target.nextPart < parts.length) {
      const i = target.nextPart;
      const [intent] = await tx.insert(publishAttempts).values({ workspaceId: target.workspaceId, targetId: target.id, partIndex: i, idempotencyKey: `${target.id}:${i}`, worker: o.worker, request: o.summary(parts, i) }).returning({ id: publishAttempts.id });
      intentId = intent!.id;
    }
    // Quota last: it locks the channel row (claims on one channel take turns), held only until the commit.
    // Not now: the exception rolls the lease and the intent back.
    const quota = await reserveQuota(tx, { channelId: channel.id, channelName: channel.name, rules: o.quotas(channel.network), units: Math.max(1, parts.length - target.nextPart), now });
    if (!quota.ok) throw new NotNow('never' in quota ? { kind: 'refuse', target, why: quota.never } : { kind: 'later', at: quota.retryAt, why: quota.why });
    return { kind: 'claimed', target: claimed!, post, variant, channel, parts, reservation: quota.reservation, intentId };
  }).catch((err: unknown) => {
    if (err instanceof NotNow) return err.claim;
    throw err;
  });
}

class NotNow extends Error {
  constructor(readonly claim: Claim) {
    super('not now');
  }
}
