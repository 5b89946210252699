import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { postComments } from '../../../db/schema';
import { notFound } from '../../../errors';
import { recordAudit } from '../../audit';
import { assertCanDeleteComment } from '../policies';

/** Deletes one comment of a post: one's own, or any for owners and marketing managers. */
export async function deleteComment({ ctx, actor, postId, commentId }: { ctx: AppContext; actor: Actor; postId: string; commentId: string }) {
  return ctx.db.transaction(async (tx) => {
    const [c] = await tx
      .select()
      .from(postComments)
      .where(and(eq(postComments.id, commentId), eq(postComments.postId, postId), eq(postComments.workspaceId, actor.workspaceId)))
      .for('update');
    if (!c) throw notFound('That comment');
    assertCanDeleteComment(actor, c);
    await tx.delete(postComments).where(and(eq(postComments.id, c.id), eq(postComments.workspaceId, actor.workspaceId)));
    await recordAudit({ db: tx, action: 'comment.deleted', workspaceId: actor.workspaceId, actor, target: { type: 'post', id: postId }, ip: actor.ip, data: { commentId: c.id, authorId: c.authorId } });
    return { ok: true as const };
  });
}
