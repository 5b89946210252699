import { eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { posts } from '../../../db/schema';
import { recordAudit } from '../../audit';
import { notifyPostAuthor } from '../../collaboration';
import { assertCanApprove, assertStatus } from '../policies';
import { presentPost } from '../presenters';
import { getPublishingSettings } from '../queries/getPublishingSettings';
import { loadPost } from '../queries/getPost';

/** in review → draft, by someone who could have approved it; the author is told why. */
export async function requestChanges({ ctx, actor, postId, reason }: { ctx: AppContext; actor: Actor; postId: string; reason: string }) {
  return ctx.db.transaction(async (tx) => {
    const { post } = await loadPost(tx, actor.workspaceId, postId, { forUpdate: true });
    assertCanApprove(actor, await getPublishingSettings(tx, actor.workspaceId), post.authorId);
    assertStatus(post.status, ['in_review'], 'sent back for changes');
    await tx.update(posts).set({ status: 'draft', approvedBy: null, updatedAt: new Date() }).where(eq(posts.id, post.id));
    await notifyPostAuthor({ tx, ctx, workspaceId: actor.workspaceId, postId: post.id, kind: 'post.changes_requested', actorUserId: actor.userId, payload: { reason } });
    await recordAudit({ db: tx, action: 'post.changesRequested', workspaceId: actor.workspaceId, actor, target: { type: 'post', id: post.id }, ip: actor.ip, data: { reason } });
    const full = await loadPost(tx, actor.workspaceId, post.id);
    return presentPost(full.post, full.variants, full.targets);
  });
}
