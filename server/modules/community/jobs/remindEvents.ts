import { and, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob } from '../../../jobs/defineJob';
import { communityEventRsvps, communityEvents, communitySpaces, communityThreads } from '../../../db/schema';
import { createNotifications } from '../commands/createNotifications';
import { filterReaders } from '../queries/filterReaders';
import { localTime } from '../eventRules';

const HOUR = 3_600_000;

/**
 * Reminds members who answered going or interested: once 24 h before an event starts and once 1 h
 * before. Runs every 5 minutes; an event within the hour gets only the 1 h reminder. "Once" is the
 * notifications' unique (member, `event:<id>:<window>`) key, so a second run, or two schedulers,
 * add nothing. Pending or deleted threads remind nobody, nor members who can no longer read the space.
 */
export const remindEvents = defineJob({
  id: 'community.remindEvents',
  payload: z.object({}).passthrough(),
  retry: { limit: 3, delaySeconds: 30, backoff: true },
  cron: '*/5 * * * *',
  expireInSeconds: 240,
  async handler(_payload, { db }) {
    const now = Date.now();
    const soon = await db
      .select({ event: communityEvents, thread: communityThreads, space: communitySpaces })
      .from(communityEvents)
      .innerJoin(communityThreads, eq(communityThreads.id, communityEvents.threadId))
      .innerJoin(communitySpaces, eq(communitySpaces.id, communityThreads.spaceId))
      .where(and(gt(communityEvents.startsAt, new Date(now)), lte(communityEvents.startsAt, new Date(now + 24 * HOUR)), eq(communityThreads.state, 'published'), isNull(communityThreads.deletedAt)));
    for (const { event, thread, space } of soon) {
      const window = event.startsAt.getTime() - now <= HOUR ? '1h' : '24h';
      const answered = await db
        .select({ memberId: communityEventRsvps.memberId })
        .from(communityEventRsvps)
        .where(and(eq(communityEventRsvps.workspaceId, event.workspaceId), eq(communityEventRsvps.eventId, event.id), inArray(communityEventRsvps.status, ['going', 'interested'])));
      const readers = await filterReaders(db, space, answered.map((a) => a.memberId));
      if (readers.size === 0) continue;
      const payload = { eventTitle: event.title, threadTitle: thread.title, startsAt: event.startsAt.toISOString(), localStartsAt: localTime(event.startsAt, event.timeZone), timeZone: event.timeZone, window };
      await db.transaction((tx) =>
        createNotifications(
          tx,
          event.workspaceId,
          [...readers].map((memberId) => ({ memberId, kind: 'event_reminder' as const, dedupeKey: `event:${event.id}:${window}`, threadId: thread.id, eventId: event.id, payload })),
        ),
      );
    }
  },
});
