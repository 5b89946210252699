import type { EventInput } from '../../../../shared/contracts/communityEvents';
import type { PollInput } from '../../../../shared/contracts/communityPolls';
import type { AppContext } from '../../../context';
import { communityThreads } from '../../../db/schema';
import { assertAcknowledgedGuidelines, assertCanStartThread, needsApproval, type Writer } from '../policies';
import { assertNewMemberLimits, assertNotSilenced } from '../guardrails';
import { assertSlowMode, authorColumns, followAsWriter, insertPost } from '../posting';
import { findReadableSpace, findReadableSpaceBySlug } from '../queries/findSpace';
import { getThread } from '../queries/getThread';
import { assertUsablePersona } from '../queries/listPersonas';
import { insertEvent } from './addEvent';
import { insertPoll } from './addPoll';
import { emitPostEvent } from '../liveEvents';
import { notifyAboutPost } from './notifyAboutPost';

export interface StartThreadOptions {
  /** Only the database is used: a ritual's job passes its transaction (the thread becomes a savepoint in it). */
  ctx: Pick<AppContext, 'db'> & Partial<Pick<AppContext, 'publicUrl' | 'jobs'>>;
  writer: Writer;
  /** The space, by id (team API) or by its slug (members' API). */
  space: { spaceId: string } | { slug: string };
  title: string;
  body: string;
  /** A poll carried by the thread, written in the same transaction. */
  poll?: PollInput;
  /** An event carried by the thread, written in the same transaction. */
  event?: EventInput;
  /** Written by Tandem's publisher: the key that makes a retry find this thread (unique per workspace). */
  idempotencyKey?: string;
}

/** A new thread with its opening post; pending (seen by its author and staff) when the space asks for approval. */
export async function startThread({ ctx, writer, space: by, title, body, poll, event, idempotencyKey }: StartThreadOptions) {
  const threadId = await ctx.db.transaction(async (tx) => {
    const space = 'slug' in by ? await findReadableSpaceBySlug(tx, writer, by.slug) : await findReadableSpace(tx, writer, by.spaceId);
    assertCanStartThread(writer, space);
    assertAcknowledgedGuidelines(writer);
    await assertNotSilenced(tx, writer);
    await assertUsablePersona(tx, writer);
    await assertNewMemberLimits(tx, writer, 'thread');
    await assertSlowMode(tx, writer, space);
    const state = needsApproval(writer, space, 'thread') ? 'pending' : 'published';
    const [thread] = await tx.insert(communityThreads).values({ workspaceId: writer.workspaceId, spaceId: space.id, title, state, ...authorColumns(writer) }).returning();
    const post = await insertPost({ tx, writer, space, threadId: thread!.id, body, state, isOpening: true, title, publicUrl: ctx.publicUrl, jobs: ctx.jobs, idempotencyKey });
    if (poll) await insertPoll(tx, writer, thread!.id, poll);
    if (event) await insertEvent(tx, writer, thread!.id, event);
    await followAsWriter(tx, writer, thread!.id);
    if (state === 'published') {
      await notifyAboutPost(tx, { post, thread: thread!, space });
      await emitPostEvent(tx, 'post.created', post);
    }
    return thread!.id;
  });
  return getThread(ctx.db, writer, threadId);
}
