import { z } from 'zod';
import { defineJob } from '../../../jobs/defineJob';
import { runTarget } from '../publisher/runTarget';

/**
 * Publishes one post on one channel. The handler is idempotent: it re-reads the target under a lock
 * and does nothing once the target is done. The queue's own retry only covers unexpected crashes;
 * network errors are classified and rescheduled by the publisher itself.
 */
export const publishTarget = defineJob({
  id: 'publishing.publishTarget',
  payload: z.object({ targetId: z.uuid() }),
  retry: { limit: 10, delaySeconds: 5, backoff: true },
  // Shorter than the claim lease (publisher/claimTarget.ts), so a retry after a dead worker finds the lease expired soon after.
  expireInSeconds: 120,
  async handler({ targetId }, ctx) {
    await runTarget({ db: ctx.db, jobs: ctx.jobs, secrets: ctx.secrets, log: ctx.log }, targetId);
  },
});
