import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import { postTargets } from '../../../db/schema';
import { defineJob } from '../../../jobs/defineJob';
import { CONFIRM_AFTER_MS } from '../publisher/handover';
import { confirmHeld } from '../publisher/confirmHeld';

/**
 * Confirms posts handed over to a network's own scheduler once their time has passed (see
 * publisher/confirmHeld.ts). Each handover enqueues its own run; the cron run (no target) is the
 * safety net that enqueues every handed-over target past its time whose job was lost.
 */
export const confirmHandover = defineJob({
  id: 'publishing.confirmHandover',
  payload: z.object({ targetId: z.uuid().optional() }).passthrough(),
  retry: { limit: 5, delaySeconds: 30, backoff: true },
  cron: '*/5 * * * *',
  expireInSeconds: 300,
  concurrency: 4,
  async handler(payload, ctx) {
    if (payload.targetId) {
      if (!ctx.secrets) throw new Error('confirming a handed-over post needs the secret box to open channel credentials');
      await confirmHeld({ db: ctx.db, jobs: ctx.jobs, secrets: ctx.secrets, log: ctx.log, leaseMs: ctx.env.PUBLISH_LEASE_SECONDS * 1000, storage: ctx.storage }, payload.targetId);
      return;
    }
    const now = new Date();
    const rows = await ctx.db
      .select({ id: postTargets.id })
      .from(postTargets)
      .where(and(eq(postTargets.state, 'handed_over'), lt(postTargets.dueAt, new Date(now.getTime() - CONFIRM_AFTER_MS)), or(isNull(postTargets.leaseUntil), lt(postTargets.leaseUntil, now))))
      .limit(1000);
    const keys = rows.map((r) => `confirm:${r.id}`);
    const live = await ctx.jobs.liveKeys(ctx.db, confirmHandover, keys);
    await ctx.db.transaction(async (tx) => {
      for (const r of rows) if (!live.has(`confirm:${r.id}`)) await ctx.jobs.enqueue(tx, confirmHandover, { targetId: r.id }, { singletonKey: `confirm:${r.id}` });
    });
  },
});
