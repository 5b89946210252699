import { asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { inboundItems } from '../../../db/schema';
import { defineJob } from '../../../jobs/defineJob';
import { inboundAnalysis } from '../inboundAnalysis';

/** Items analysed per run: a few hundred milliseconds of work, so a run never holds a worker long. */
export const ANALYZE_BATCH = 1000;

/**
 * Analyses (language, sentiment, toxicity) the items stored before Tandem analysed items on arrival,
 * oldest first, a batch per run, and queues the next batch while any remain. New items are analysed
 * when stored (storeInboundItems), so once the backlog is done each run finds nothing. Idempotent:
 * an analysed item no longer matches.
 */
export const analyzeInbound = defineJob({
  id: 'channels.analyzeInbound',
  payload: z.object({}).passthrough(),
  retry: { limit: 2, delaySeconds: 60, backoff: true },
  cron: '*/15 * * * *',
  expireInSeconds: 600,
  async handler(_payload, ctx) {
    const pending = await ctx.db
      .select({ id: inboundItems.id, text: inboundItems.text, language: inboundItems.language })
      .from(inboundItems)
      .where(isNull(inboundItems.sentiment))
      .orderBy(asc(inboundItems.receivedAt))
      .limit(ANALYZE_BATCH);
    for (const item of pending) await ctx.db.update(inboundItems).set(inboundAnalysis(item)).where(eq(inboundItems.id, item.id));
    if (pending.length) ctx.log.info({ analysed: pending.length }, 'channels: inbound items analysed');
    if (pending.length === ANALYZE_BATCH) await ctx.jobs.enqueue(ctx.db, analyzeInbound, {});
  },
});
