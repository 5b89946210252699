import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../../context';
import { communityPosts, communityThreads } from '../../../db/schema';
import { AppError, conflict } from '../../../errors';
import { loadAuthors } from '../queries/loadAuthors';
import { assertMayReplyTo, assertNewMemberLimits, assertNotSilenced } from '../guardrails';
import { assertAcknowledgedGuidelines, assertThreadOpen, canSeeHidden, canSeePending, needsApproval, type Writer } from '../policies';
import { assertSlowMode, followAsWriter, insertPost } from '../posting';
import { presentPost } from '../presenters';
import { findReadableThread } from '../queries/getThread';
import { emitPostEvent } from '../liveEvents';
import { notifyAboutPost } from './notifyAboutPost';
import { assertUsablePersona } from '../queries/listPersonas';

export interface ReplyToThreadOptions {
  ctx: Pick<AppContext, 'db'> & Partial<Pick<AppContext, 'publicUrl' | 'jobs'>>;
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
    assertThreadOpen(writer, thread);
    assertAcknowledgedGuidelines(writer);
    await assertNotSilenced(tx, writer);
    await assertUsablePersona(tx, writer);
    if (replyToId) {
      const [target] = await tx
        .select()
        .from(communityPosts)
        .where(and(eq(communityPosts.workspaceId, writer.workspaceId), eq(communityPosts.threadId, thread.id), eq(communityPosts.id, replyToId), isNull(communityPosts.deletedAt)));
      if (!target || (target.state === 'pending' && !canSeePending(writer, target))) throw new AppError('BAD_REQUEST', 'The post you reply to is not in this thread, or was deleted.');
      if (target.hiddenAt && !canSeeHidden(writer, target)) throw new AppError('BAD_REQUEST', 'The post you reply to was hidden by a moderator; answer the thread instead.');
      await assertMayReplyTo(tx, writer, target);
    }
    await assertNewMemberLimits(tx, writer, 'reply');
    await assertSlowMode(tx, writer, space);
    const state = needsApproval(writer, space, 'reply') ? 'pending' : 'published';
    const post = await insertPost({ tx, writer, space, threadId: thread.id, body, state, isOpening: false, replyToId, publicUrl: ctx.publicUrl, jobs: ctx.jobs, idempotencyKey });
    await followAsWriter(tx, writer, thread.id);
    if (state === 'published') {
      await tx.update(communityThreads).set({ lastPostedAt: sql`now()` }).where(eq(communityThreads.id, thread.id));
      // Both reach listeners only if this transaction commits.
      await notifyAboutPost(tx, { post, thread, space });
      await emitPostEvent(tx, 'post.created', post);
    }
    return presentPost(post, await loadAuthors(tx, writer, [post]));
  });
}
