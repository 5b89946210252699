import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { channels, postTargets, postVariants, posts } from '../../../db/schema';
import type { QuotaRule } from '../../../../connectors/types';
import { partsOf } from '../presenters';
import { getPublishingSettings } from '../queries/getPublishingSettings';
import { reserveQuota, type Reservation } from './quota';

type Parts = ReturnType<typeof partsOf>;

export type Claim =
  | { kind: 'done' }
  | { kind: 'later'; at: Date; why: string }
  | { kind: 'hold'; why: string }
  | { kind: 'refuse'; target: typeof postTargets.$inferSelect; why: string }
  | { kind: 'claimed'; target: typeof postTargets.$inferSelect; post: typeof posts.$inferSelect; variant: typeof postVariants.$inferSelect; channel: typeof channels.$inferSelect; parts: Parts; reservation: Reservation | null };

/**
 * Decides, under a row lock, whether this run may publish the target now, and if so takes a lease on
 * it and reserves quota for every part it still has to publish (a thread is never cut mid-way by the
 * quota). Every "not now" answer says when (or that someone else will) come back.
 */
export async function claimTarget(db: Db, targetId: string, quotas: (network: string) => QuotaRule[], leaseMs: number): Promise<Claim> {
  return db.transaction(async (tx) => {
    const [target] = await tx.select().from(postTargets).where(eq(postTargets.id, targetId)).for('update');
    if (!target || ['published', 'failed', 'cancelled'].includes(target.state)) return { kind: 'done' };
    const now = new Date();
    // Rescheduled later: the newer job will come at the new time.
    if (target.dueAt.getTime() > now.getTime() + 1000) return { kind: 'done' };
    if (target.state === 'publishing' && target.leaseUntil && target.leaseUntil > now) return { kind: 'later', at: new Date(target.leaseUntil.getTime() + 1000), why: 'another worker holds it' };
    const settings = await getPublishingSettings(tx, target.workspaceId);
    if (settings.paused) return { kind: 'hold', why: 'publishing is paused in this workspace' };
    const [channel] = await tx.select().from(channels).where(and(eq(channels.id, target.channelId), eq(channels.workspaceId, target.workspaceId)));
    const [post] = await tx.select().from(posts).where(eq(posts.id, target.postId));
    const [variant] = await tx.select().from(postVariants).where(and(eq(postVariants.postId, target.postId), eq(postVariants.channelId, target.channelId)));
    if (!channel || !post || !variant) return { kind: 'done' };
    const parts = partsOf(post, variant);
    const quota = await reserveQuota(tx, { channelId: channel.id, channelName: channel.name, rules: quotas(channel.network), units: Math.max(1, parts.length - target.nextPart), now });
    if (!quota.ok) return 'never' in quota ? { kind: 'refuse', target, why: quota.never } : { kind: 'later', at: quota.retryAt, why: quota.why };
    const [claimed] = await tx.update(postTargets).set({ state: 'publishing', leaseUntil: new Date(now.getTime() + leaseMs), updatedAt: now }).where(eq(postTargets.id, target.id)).returning();
    await tx.update(posts).set({ status: 'publishing', updatedAt: now }).where(and(eq(posts.id, post.id), eq(posts.status, 'scheduled')));
    return { kind: 'claimed', target: claimed!, post, variant, channel, parts, reservation: quota.reservation };
  });
}
