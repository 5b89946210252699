import { and, eq } from 'drizzle-orm';
import type { PollInput } from '../../../../shared/contracts/communityPolls';
import { assertNotSilenced } from '../guardrails';
import type { AppContext } from '../../../context';
import type { Db } from '../../../db/client';
import { communityPollOptions, communityPolls } from '../../../db/schema';
import { conflict } from '../../../errors';
import type { Writer } from '../policies';
import { assertCanAddPoll, assertClosesInFuture } from '../pollRules';
import { findReadableThread } from '../queries/getThread';
import { getPoll } from '../queries/getPoll';
import { isUniqueViolation } from '../uniqueViolation';

/** Writes a poll and its options for a thread; used by startThread and addPoll, inside their transaction. */
export async function insertPoll(tx: Db, writer: Writer, threadId: string, input: PollInput): Promise<void> {
  assertClosesInFuture(input);
  const [poll] = await tx
    .insert(communityPolls)
    .values({
      workspaceId: writer.workspaceId,
      threadId,
      question: input.question,
      kind: input.kind,
      maxChoices: input.kind === 'multiple' ? (input.maxChoices ?? input.options.length) : null,
      resultsVisibility: input.resultsVisibility,
      closesAt: input.closesAt ? new Date(input.closesAt) : null,
      createdByMemberId: writer.kind === 'member' ? writer.member.id : null,
      createdByUserId: writer.kind === 'staff' ? writer.userId : null,
    })
    .returning();
  await tx.insert(communityPollOptions).values(input.options.map((label, position) => ({ workspaceId: writer.workspaceId, pollId: poll!.id, position, label })));
}

/** Adds a poll to an existing thread (its author or staff); a thread carries at most one. */
export async function addPoll({ ctx, writer, threadId, input }: { ctx: AppContext; writer: Writer; threadId: string; input: PollInput }) {
  try {
    await ctx.db.transaction(async (tx) => {
      const { thread } = await findReadableThread(tx, writer, threadId);
      assertCanAddPoll(writer, thread);
      await assertNotSilenced(tx, writer);
      const [existing] = await tx.select({ id: communityPolls.id }).from(communityPolls).where(and(eq(communityPolls.workspaceId, writer.workspaceId), eq(communityPolls.threadId, thread.id)));
      if (existing) throw conflict('This thread already has a poll: a thread carries one poll.');
      await insertPoll(tx, writer, thread.id, input);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('This thread already has a poll: a thread carries one poll.');
    throw e;
  }
  return getPoll(ctx.db, writer, threadId);
}
