import { eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { posts } from '../../../db/schema';
import { recordAudit } from '../../audit';
import { notifyPostAuthor } from '../../collaboration';
import { assertCanApprove, assertStatus } from '../policies';
import { presentPost } from '../presenters';
import { getPublishingSettings } from '../queries/getPublishingSettings';
import { loadPost } from '../queries/getPost';

/** in review → approved, by an approver role and (when approval is required) not by the author. */
export async function approvePost({ ctx, actor, postId }: { ctx: AppContext; actor: Actor; postId: string }) {
  return ctx.db.transaction(async (tx) => {
    const { post } = await loadPost(tx, actor.workspaceId, postId, { forUpdate: true });
    assertCanApprove(actor, await getPublishingSettings(tx, actor.workspaceId), post.authorId);
    assertStatus(post.status, ['in_review'], 'approved');
    await tx.update(posts).set({ status: 'approved', approvedBy: actor.userId, updatedAt: new Date() }).where(eq(posts.id, post.id));
    await notifyPostAuthor({ tx, ctx, workspaceId: actor.workspaceId, postId: post.id, kind: 'post.approved', actorUserId: actor.userId });
    await recordAudit({ db: tx, action: 'post.approved', workspaceId: actor.workspaceId, actor, target: { type: 'post', id: post.id }, ip: actor.ip, data: { version: post.version } });
    const full = await loadPost(tx, actor.workspaceId, post.id);
    return presentPost(full.post, full.variants, full.targets);
  });
}
