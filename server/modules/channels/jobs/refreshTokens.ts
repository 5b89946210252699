import { and, asc, eq, isNotNull, lt } from 'drizzle-orm';
import { z } from 'zod';
import { channels } from '../../../db/schema';
import { defineJob } from '../../../jobs/defineJob';
import { refreshChannelAuth } from '../commands/refreshChannelAuth';
import { maybeConnectorFor } from '../connectors';

/** Tokens expiring within this are renewed (the job runs every 5 minutes, so each gets a few tries). */
export const REFRESH_AHEAD_MS = 15 * 60_000;

/**
 * Renews the tokens of connected channels that expire within 15 minutes (or already have, e.g. after
 * downtime), one channel after the other. Idempotent: a renewed channel's new expiry is later than
 * the window, so the next run leaves it alone.
 */
export const refreshTokens = defineJob({
  id: 'channels.refreshTokens',
  payload: z.object({ channelId: z.uuid().optional() }).passthrough(),
  retry: { limit: 0, delaySeconds: 60, backoff: false },
  cron: '*/5 * * * *',
  expireInSeconds: 600,
  async handler(payload, ctx) {
    if (!ctx.secrets) throw new Error('refreshing tokens needs the secret box to open channel credentials');
    const due = await ctx.db
      .select({ id: channels.id, network: channels.network })
      .from(channels)
      .where(and(eq(channels.status, 'connected'), isNotNull(channels.authExpiresAt), lt(channels.authExpiresAt, new Date(Date.now() + REFRESH_AHEAD_MS)), payload.channelId ? eq(channels.id, payload.channelId) : undefined))
      .orderBy(asc(channels.authExpiresAt))
      .limit(500);
    const counts: Record<string, number> = {};
    for (const c of due) {
      if (!maybeConnectorFor(c.network)?.refreshAuth) continue;
      const outcome = await refreshChannelAuth({ db: ctx.db, jobs: ctx.jobs, secrets: ctx.secrets, log: ctx.log }, c.id);
      counts[outcome] = (counts[outcome] ?? 0) + 1;
    }
    if (Object.keys(counts).length) ctx.log.info(counts, 'channels: tokens refreshed');
  },
});
