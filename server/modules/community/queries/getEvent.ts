import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityEventRsvps, communityEvents } from '../../../db/schema';
import { notFound } from '../../../errors';
import type { Viewer } from '../policies';
import { presentEvent } from '../presenters';
import { findReadableThread } from './getThread';

/** The event row of a thread the viewer may read. */
export async function findReadableEvent(db: Db, viewer: Viewer, threadId: string) {
  const { thread, space } = await findReadableThread(db, viewer, threadId);
  const [event] = await db.select().from(communityEvents).where(and(eq(communityEvents.workspaceId, viewer.workspaceId), eq(communityEvents.threadId, thread.id)));
  if (!event) throw notFound('The event of that thread');
  return { event, thread, space };
}

/** The thread's event with its answer counts and the member's own answer. */
export async function getEvent(db: Db, viewer: Viewer, threadId: string) {
  const { event } = await findReadableEvent(db, viewer, threadId);
  const scope = and(eq(communityEventRsvps.workspaceId, viewer.workspaceId), eq(communityEventRsvps.eventId, event.id));
  const counts = await db.select({ status: communityEventRsvps.status, n: count() }).from(communityEventRsvps).where(scope).groupBy(communityEventRsvps.status);
  const of = (s: string) => counts.find((c) => c.status === s)?.n ?? 0;
  const [mine] = viewer.kind === 'member' ? await db.select({ status: communityEventRsvps.status }).from(communityEventRsvps).where(and(scope, eq(communityEventRsvps.memberId, viewer.member.id))) : [];
  return presentEvent(event, { going: of('going'), interested: of('interested'), myRsvp: mine?.status ?? null });
}
