import { and, eq } from 'drizzle-orm';
import type { EventInput } from '../../../../shared/contracts/communityEvents';
import { assertNotSilenced } from '../guardrails';
import type { AppContext } from '../../../context';
import type { Db } from '../../../db/client';
import { communityEvents } from '../../../db/schema';
import { conflict } from '../../../errors';
import { assertCanAddEvent, resolveEventTimes } from '../eventRules';
import type { Writer } from '../policies';
import { getEvent } from '../queries/getEvent';
import { findReadableThread } from '../queries/getThread';
import { isUniqueViolation } from '../uniqueViolation';

/** Writes a thread's event; used by startThread and addEvent, inside their transaction. */
export async function insertEvent(tx: Db, writer: Writer, threadId: string, input: EventInput): Promise<void> {
  const { startsAt, endsAt } = resolveEventTimes(input);
  await tx.insert(communityEvents).values({
    workspaceId: writer.workspaceId,
    threadId,
    title: input.title,
    startsAt,
    endsAt,
    timeZone: input.timeZone,
    onlineUrl: input.onlineUrl ?? null,
    place: input.place ?? null,
    capacity: input.capacity ?? null,
  });
}

const alreadyHasOne = () => conflict('This thread already has an event: a thread carries one event.');

/** Adds an event to an existing thread (its author or staff); a thread carries at most one. */
export async function addEvent({ ctx, writer, threadId, input }: { ctx: AppContext; writer: Writer; threadId: string; input: EventInput }) {
  try {
    await ctx.db.transaction(async (tx) => {
      const { thread } = await findReadableThread(tx, writer, threadId);
      assertCanAddEvent(writer, thread);
      await assertNotSilenced(tx, writer);
      const [existing] = await tx.select({ id: communityEvents.id }).from(communityEvents).where(and(eq(communityEvents.workspaceId, writer.workspaceId), eq(communityEvents.threadId, thread.id)));
      if (existing) throw alreadyHasOne();
      await insertEvent(tx, writer, thread.id, input);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw alreadyHasOne();
    throw e;
  }
  return getEvent(ctx.db, writer, threadId);
}
