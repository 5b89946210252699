import { eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { posts } from '../../../db/schema';
import { AppError } from '../../../errors';
import { recordAudit } from '../../audit';
import { notifyPostAuthor } from '../../collaboration';
import { assertCanApprove, assertStatus } from '../policies';
import { presentPost } from '../presenters';
import { getPublishingSettings } from '../queries/getPublishingSettings';
import { loadPost } from '../queries/getPost';
import { schedulePost } from './schedulePost';

/**
 * in review → approved, by an approver role and (when approval is required) not by the author.
 * A post already planned for a later time is then scheduled for it, as the approver saw it.
 */
export async function approvePost({ ctx, actor, postId }: { ctx: AppContext; actor: Actor; postId: string }) {
  const approved = await ctx.db.transaction(async (tx) => {
    const { post } = await loadPost(tx, actor.workspaceId, postId, { forUpdate: true });
    assertCanApprove(actor, await getPublishingSettings(tx, actor.workspaceId), post.authorId);
    assertStatus(post.status, ['in_review'], 'approved');
    await tx.update(posts).set({ status: 'approved', approvedBy: actor.userId, updatedAt: new Date() }).where(eq(posts.id, post.id));
    await notifyPostAuthor({ tx, ctx, workspaceId: actor.workspaceId, postId: post.id, kind: 'post.approved', actorUserId: actor.userId });
    await recordAudit({ db: tx, action: 'post.approved', workspaceId: actor.workspaceId, actor, target: { type: 'post', id: post.id }, ip: actor.ip, data: { version: post.version } });
    const full = await loadPost(tx, actor.workspaceId, post.id);
    return presentPost(full.post, full.variants, full.targets);
  });
  const planned = approved.scheduledAt ? new Date(approved.scheduledAt) : null;
  if (!planned || planned.getTime() <= Date.now()) return approved;
  try {
    return await schedulePost({ ctx, actor, postId, scheduledAt: planned.toISOString() });
  } catch (err) {
    // Approved all the same: the composer shows why it cannot be scheduled (a limit, a channel to reconnect).
    if (err instanceof AppError) return approved;
    throw err;
  }
}
