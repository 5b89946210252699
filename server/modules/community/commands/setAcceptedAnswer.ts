import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../../context';
import { communityPosts, communityThreads } from '../../../db/schema';
import { AppError, conflict } from '../../../errors';
import { recordAudit } from '../../audit';
import { assertCanAcceptAnswer, type Writer } from '../policies';
import { findReadableThread, getThread } from '../queries/getThread';

export interface SetAcceptedAnswerOptions {
  ctx: AppContext;
  writer: Writer;
  threadId: string;
  /** The reply accepted as the answer; null takes the acceptance back. */
  postId: string | null;
}

/** Marks one published reply of a Q&A thread as its accepted answer (replacing any other), or unmarks. */
export async function setAcceptedAnswer({ ctx, writer, threadId, postId }: SetAcceptedAnswerOptions) {
  await ctx.db.transaction(async (tx) => {
    const { thread, space } = await findReadableThread(tx, writer, threadId);
    assertCanAcceptAnswer(writer, space, thread);
    if (thread.state === 'pending') throw conflict('This question waits for a moderator’s approval; answers can be accepted once it is published.');
    if (postId) {
      const [post] = await tx.select().from(communityPosts).where(and(eq(communityPosts.workspaceId, writer.workspaceId), eq(communityPosts.threadId, thread.id), eq(communityPosts.id, postId)));
      if (!post || post.deletedAt || post.state !== 'published') throw new AppError('BAD_REQUEST', 'The answer to accept must be a published reply in this thread.');
      if (post.isOpening) throw new AppError('BAD_REQUEST', 'The question itself cannot be its accepted answer; pick a reply.');
    }
    await tx.update(communityThreads).set({ acceptedPostId: postId }).where(and(eq(communityThreads.workspaceId, writer.workspaceId), eq(communityThreads.id, thread.id)));
    if (writer.kind === 'staff') {
      await recordAudit({ db: tx, action: postId ? 'community.answerAccepted' : 'community.answerUnaccepted', workspaceId: writer.workspaceId, actor: writer, target: { type: 'community_thread', id: thread.id }, ip: writer.ip, data: { postId } });
    }
  });
  return getThread(ctx.db, writer, threadId);
}
