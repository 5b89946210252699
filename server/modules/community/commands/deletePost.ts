import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../../context';
import { communityPosts, communityThreads } from '../../../db/schema';
import { recordAudit } from '../../audit';
import { assertCanDelete, type Writer } from '../policies';
import { findReadablePost } from '../queries/findPost';
import { emitPostEvent } from '../liveEvents';

/**
 * Soft delete: the post keeps its row (and revisions) but is shown as deleted, without its words.
 * Deleting a thread's opening post deletes the thread.
 */
export async function deletePost({ ctx, writer, postId }: { ctx: Pick<AppContext, 'db'>; writer: Writer; postId: string }) {
  return ctx.db.transaction(async (tx) => {
    const { post, thread } = await findReadablePost(tx, writer, postId);
    assertCanDelete(writer, post);
    await tx.update(communityPosts).set({ deletedAt: sql`now()` }).where(and(eq(communityPosts.workspaceId, writer.workspaceId), eq(communityPosts.id, post.id)));
    // An accepted answer that is deleted leaves the question unsolved.
    if (thread.acceptedPostId === post.id) await tx.update(communityThreads).set({ acceptedPostId: null }).where(and(eq(communityThreads.workspaceId, writer.workspaceId), eq(communityThreads.id, thread.id)));
    if (post.isOpening) await tx.update(communityThreads).set({ deletedAt: sql`now()` }).where(and(eq(communityThreads.workspaceId, writer.workspaceId), eq(communityThreads.id, thread.id)));
    if (writer.kind === 'staff') {
      await recordAudit({ db: tx, action: 'community.postDeleted', workspaceId: writer.workspaceId, actor: writer, target: { type: 'community_post', id: post.id }, ip: writer.ip, data: { threadId: thread.id, byAuthor: post.authorUserId === writer.userId } });
    }
    if (post.state === 'published') await emitPostEvent(tx, 'post.deleted', post);
    return { ok: true as const, threadDeleted: post.isOpening };
  });
}
