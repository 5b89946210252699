import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../../context';
import { communityPosts, communityThreads } from '../../../db/schema';
import { AppError, conflict } from '../../../errors';
import { loadAuthors } from '../queries/loadAuthors';
import { assertAcknowledgedGuidelines, canSeePending, needsApproval, type Writer } from '../policies';
import { assertSlowMode, followAsWriter, insertPost } from '../posting';
import { presentPost } from '../presenters';
import { findReadableThread } from '../queries/getThread';

export interface ReplyToThreadOptions {
  ctx: Pick<AppContext, 'db'>;
  writer: Writer;
  threadId: string;
  body: string;
  /** The post answered or quoted: one of this thread's posts the writer can see. */
  replyToId?: string;
  /** Written from Tandem's inbox: the key that makes a repeated answer find this reply (unique per workspace). */
  idempotencyKey?: string;
}

export async function replyToThread({ ctx, writer, threadId, body, replyToId, idempotencyKey }: ReplyToThreadOptions) {
  return ctx.db.transaction(async (tx) => {
    const { thread, space } = await findReadableThread(tx, writer, threadId);
    if (thread.state === 'pending') throw conflict('This thread waits for a moderator’s approval; replies open once it is published.');
    assertAcknowledgedGuidelines(writer);
    if (replyToId) {
      const [target] = await tx
        .select()
        .from(communityPosts)
        .where(and(eq(communityPosts.workspaceId, writer.workspaceId), eq(communityPosts.threadId, thread.id), eq(communityPosts.id, replyToId), isNull(communityPosts.deletedAt)));
      if (!target || (target.state === 'pending' && !canSeePending(writer, target))) throw new AppError('BAD_REQUEST', 'The post you reply to is not in this thread, or was deleted.');
    }
    await assertSlowMode(tx, writer, space);
    const state = needsApproval(writer, space, 'reply') ? 'pending' : 'published';
    const post = await insertPost({ tx, writer, space, threadId: thread.id, body, state, isOpening: false, replyToId, idempotencyKey });
    await followAsWriter(tx, writer, thread.id);
    if (state === 'published') await tx.update(communityThreads).set({ lastPostedAt: sql`now()` }).where(eq(communityThreads.id, thread.id));
    return presentPost(post, await loadAuthors(tx, writer.workspaceId, [post]));
  });
}
