import { and, count, eq, ne, sql } from 'drizzle-orm';
import type { AppContext } from '../../../context';
import { communityEventRsvps, communityEvents } from '../../../db/schema';
import { AppError, conflict, notFound } from '../../../errors';
import { assertAcknowledgedGuidelines, type MemberViewer } from '../policies';
import { getEvent } from '../queries/getEvent';
import { findReadableThread } from '../queries/getThread';

/**
 * Sets the member's answer. The event row is locked while counting seats, so two members taking
 * the last seat at once cannot both get it; answering anything but "going" frees the seat.
 */
export async function rsvpEvent({ ctx, viewer, threadId, status }: { ctx: AppContext; viewer: MemberViewer; threadId: string; status: 'going' | 'interested' | 'not_going' }) {
  await ctx.db.transaction(async (tx) => {
    const { thread } = await findReadableThread(tx, viewer, threadId);
    if (thread.state !== 'published') throw conflict('Answers open once the thread is approved by a moderator.');
    assertAcknowledgedGuidelines(viewer);
    const [event] = await tx
      .select()
      .from(communityEvents)
      .where(and(eq(communityEvents.workspaceId, viewer.workspaceId), eq(communityEvents.threadId, thread.id)))
      .for('update');
    if (!event) throw notFound('The event of that thread');
    if (event.endsAt.getTime() <= Date.now()) throw conflict('This event is over: answers are closed.');
    if (status === 'going' && event.capacity !== null) {
      const [taken] = await tx
        .select({ n: count() })
        .from(communityEventRsvps)
        .where(and(eq(communityEventRsvps.workspaceId, viewer.workspaceId), eq(communityEventRsvps.eventId, event.id), eq(communityEventRsvps.status, 'going'), ne(communityEventRsvps.memberId, viewer.member.id)));
      if ((taken?.n ?? 0) >= event.capacity) {
        throw new AppError('CONFLICT', `This event is full (${event.capacity} seats): answer "interested" to keep it in view; a seat frees up when someone changes their answer.`, { reason: 'event_full' });
      }
    }
    await tx
      .insert(communityEventRsvps)
      .values({ workspaceId: viewer.workspaceId, eventId: event.id, memberId: viewer.member.id, status })
      .onConflictDoUpdate({ target: [communityEventRsvps.eventId, communityEventRsvps.memberId], set: { status, updatedAt: sql`now()` } });
  });
  return getEvent(ctx.db, viewer, threadId);
}
