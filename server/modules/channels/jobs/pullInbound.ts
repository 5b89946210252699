import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import { channels } from '../../../db/schema';
import { defineJob } from '../../../jobs/defineJob';
import { pullChannelInbound } from '../commands/pullChannelInbound';
import { maybeConnectorFor } from '../connectors';

/**
 * Inbound comments, mentions and messages. The cron run (no channel) enqueues one job per connected
 * channel whose network can be pulled and is not rate limited; each of those pulls its channel. A
 * channel's job is a singleton: a slow network never piles up pulls.
 */
export const pullInbound = defineJob({
  id: 'channels.pullInbound',
  payload: z.object({ channelId: z.uuid().optional() }).passthrough(),
  retry: { limit: 0, delaySeconds: 60, backoff: false },
  cron: '*/3 * * * *',
  expireInSeconds: 300,
  concurrency: 2,
  async handler(payload, ctx) {
    if (payload.channelId) {
      if (!ctx.secrets) throw new Error('pulling inbound items needs the secret box to open channel credentials');
      const outcome = await pullChannelInbound({ db: ctx.db, jobs: ctx.jobs, secrets: ctx.secrets, log: ctx.log }, payload.channelId);
      if ('failed' in outcome) ctx.log.warn({ channelId: payload.channelId, message: outcome.failed }, 'inbound: pull failed; the next run tries again');
      else if ('stored' in outcome && outcome.stored) ctx.log.info({ channelId: payload.channelId, ...outcome }, 'inbound: new items');
      return;
    }
    const now = new Date();
    const rows = await ctx.db
      .select({ id: channels.id, network: channels.network })
      .from(channels)
      .where(and(eq(channels.status, 'connected'), or(isNull(channels.rateLimitedUntil), lt(channels.rateLimitedUntil, now))));
    const ids = rows.filter((c) => maybeConnectorFor(c.network)?.pullInbound).map((c) => c.id);
    const live = await ctx.jobs.liveKeys(ctx.db, pullInbound, ids.map(keyOf));
    await ctx.db.transaction(async (tx) => {
      for (const id of ids) if (!live.has(keyOf(id))) await ctx.jobs.enqueue(tx, pullInbound, { channelId: id }, { singletonKey: keyOf(id) });
    });
  },
});

const keyOf = (channelId: string) => `inbound:${channelId}`;
