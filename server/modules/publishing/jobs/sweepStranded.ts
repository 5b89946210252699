import { z } from 'zod';
import { defineJob } from '../../../jobs/defineJob';
import { findStrandedTargets } from '../queries/findStrandedTargets';
import { publishTarget } from './publishTarget';

/**
 * The safety net behind the per-target jobs: a job can be lost (retries exhausted while the database
 * was down) and a worker can die holding a target. Enqueueing a target twice is harmless: the
 * handler claims it under a lock.
 */
export const sweepStranded = defineJob({
  id: 'publishing.sweepStranded',
  payload: z.object({}).passthrough(),
  retry: { limit: 0, delaySeconds: 60, backoff: false },
  cron: '* * * * *',
  async handler(_payload, ctx) {
    const ids = await findStrandedTargets(ctx.db, { graceMs: 120_000, limit: 1000 });
    await ctx.db.transaction(async (tx) => {
      for (const targetId of ids) await ctx.jobs.enqueue(tx, publishTarget, { targetId }, { singletonKey: targetId });
    });
    if (ids.length) ctx.log.warn({ count: ids.length }, 'publisher: re-enqueued stranded targets');
  },
});
