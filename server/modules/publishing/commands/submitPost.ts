import { eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { posts } from '../../../db/schema';
import { recordAudit } from '../../audit';
import { notifyApprovers } from '../../collaboration';
import { assertStatus } from '../policies';
import { presentPost } from '../presenters';
import { loadPost } from '../queries/getPost';

/** draft → in review: the author asks the approvers to look. */
export async function submitPost({ ctx, actor, postId }: { ctx: AppContext; actor: Actor; postId: string }) {
  return ctx.db.transaction(async (tx) => {
    const { post } = await loadPost(tx, actor.workspaceId, postId, { forUpdate: true });
    assertStatus(post.status, ['draft'], 'submitted for review');
    await tx.update(posts).set({ status: 'in_review', updatedAt: new Date() }).where(eq(posts.id, post.id));
    await notifyApprovers({ tx, ctx, workspaceId: actor.workspaceId, postId: post.id, submittedBy: actor.userId });
    await recordAudit({ db: tx, action: 'post.submitted', workspaceId: actor.workspaceId, actor, target: { type: 'post', id: post.id }, ip: actor.ip });
    const full = await loadPost(tx, actor.workspaceId, post.id);
    return presentPost(full.post, full.variants, full.targets);
  });
}
