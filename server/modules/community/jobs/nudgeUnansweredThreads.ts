import { z } from 'zod';
import { defineJob } from '../../../jobs/defineJob';
import { nudgeUnansweredThreads as nudge } from '../commands/nudgeUnansweredThreads';

/** Every 15 minutes: tells the team about threads nobody answered (spaces with nudgeAfterHours). `now` lets tests drive the clock. */
export const nudgeUnansweredThreads = defineJob({
  id: 'community.nudgeUnansweredThreads',
  payload: z.object({ now: z.iso.datetime({ offset: true }).optional() }),
  retry: { limit: 2, delaySeconds: 60, backoff: true },
  cron: '*/15 * * * *',
  expireInSeconds: 600,
  async handler(payload, ctx) {
    const nudged = await nudge({ db: ctx.db, jobs: ctx.jobs, now: payload.now ? new Date(payload.now) : new Date() });
    if (nudged) ctx.log.info({ nudged }, 'community: nudged the team about unanswered threads');
  },
});
