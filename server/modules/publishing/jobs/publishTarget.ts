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
  // PUBLISH_JOB_EXPIRE_SECONDS: a killed worker's jobs go back to the queue after this; the one target
  // it was publishing stays held until its lease (PUBLISH_LEASE_SECONDS) runs out.
  expireInSeconds: (env) => env.PUBLISH_JOB_EXPIRE_SECONDS,
  // Most of a publish is waiting for the network: several at once (PUBLISH_CONCURRENCY).
  concurrency: (env) => env.PUBLISH_CONCURRENCY,
  async handler({ targetId }, ctx) {
    await runTarget({ db: ctx.db, jobs: ctx.jobs, secrets: ctx.secrets, log: ctx.log, leaseMs: ctx.env.PUBLISH_LEASE_SECONDS * 1000, storage: ctx.storage }, targetId);
  },
});
