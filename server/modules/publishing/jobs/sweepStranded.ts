import { z } from 'zod';
import { defineJob } from '../../../jobs/defineJob';
import { findStrandedTargets } from '../queries/findStrandedTargets';
import { publishTarget } from './publishTarget';

/**
 * The safety net behind the per-target jobs: a job can be lost (retries exhausted while the database
 * was down) and a worker can die holding a target. Targets whose job is still queued, retrying or
 * running are left to it (a killed worker's running jobs return to the queue when they expire), so a
 * long backlog is not enqueued twice; enqueueing twice would still be harmless, as the handler claims
 * the target under a lock.
 */
export const sweepStranded = defineJob({
  id: 'publishing.sweepStranded',
  payload: z.object({}).passthrough(),
  retry: { limit: 0, delaySeconds: 60, backoff: false },
  cron: '* * * * *',
  async handler(_payload, ctx) {
    const candidates = await findStrandedTargets(ctx.db, { graceMs: 30_000, limit: 1000 });
    const live = await ctx.jobs.liveKeys(ctx.db, publishTarget, candidates);
    const ids = candidates.filter((id) => !live.has(id));
    await ctx.db.transaction(async (tx) => {
      for (const targetId of ids) await ctx.jobs.enqueue(tx, publishTarget, { targetId }, { singletonKey: targetId });
    });
    if (ids.length) ctx.log.warn({ count: ids.length }, 'publisher: re-enqueued stranded targets');
  },
});
