import { asc, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { inboundItems } from '../../../db/schema';
import { defineJob } from '../../../jobs/defineJob';
import { groupInboundItems } from '../commands/groupInboundItems';

export const GROUP_BATCH = 500;

/**
 * Groups the items stored before the inbox grouped them on arrival, oldest first, a batch per run,
 * queueing the next batch while any remain. New items are grouped when stored, so once the backlog
 * is done each run finds nothing. Idempotent: a grouped item no longer matches.
 */
export const groupInbound = defineJob({
  id: 'inbox.groupInbound',
  payload: z.object({}).passthrough(),
  retry: { limit: 2, delaySeconds: 60, backoff: true },
  cron: '*/15 * * * *',
  expireInSeconds: 600,
  async handler(_payload, ctx) {
    const pending = await ctx.db.select({ id: inboundItems.id }).from(inboundItems).where(isNull(inboundItems.inboxConversationId)).orderBy(asc(inboundItems.receivedAt)).limit(GROUP_BATCH);
    if (!pending.length) return;
    await ctx.db.transaction((tx) => groupInboundItems(tx, pending.map((p) => p.id)));
    ctx.log.info({ grouped: pending.length }, 'inbox: inbound items grouped');
    if (pending.length === GROUP_BATCH) await ctx.jobs.enqueue(ctx.db, groupInbound, {});
  },
});
