import { and, eq, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { communityRituals } from '../../../db/schema';
import { defineJob } from '../../../jobs/defineJob';
import { postRitualOccurrence } from '../commands/postRitualOccurrence';

/**
 * Every five minutes: posts the threads (and events) of rituals that are due. `now` lets tests
 * drive the clock; the scheduler sends no payload and the job uses the real time.
 */
export const postRituals = defineJob({
  id: 'community.postRituals',
  payload: z.object({ now: z.iso.datetime({ offset: true }).optional() }),
  retry: { limit: 2, delaySeconds: 60, backoff: true },
  cron: '*/5 * * * *',
  expireInSeconds: 600,
  async handler(payload, ctx) {
    const now = payload.now ? new Date(payload.now) : new Date();
    const due = await ctx.db
      .select({ id: communityRituals.id })
      .from(communityRituals)
      .where(and(eq(communityRituals.active, true), lte(communityRituals.nextOccurrenceAt, sql`${now.toISOString()}::timestamptz + make_interval(hours => ${communityRituals.leadHours})`)))
      .limit(500);
    for (const { id } of due) {
      const outcome = await postRitualOccurrence({ db: ctx.db, ritualId: id, now, jobs: ctx.jobs });
      if (outcome === 'failed') ctx.log.warn({ ritualId: id }, 'community: a ritual occurrence could not be posted (see the ritual lastError)');
    }
  },
});
