import { and, eq, gte, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { PostMetrics, RemoteRef } from '../../../../connectors/types';
import type { SecretBox } from '../../../crypto';
import { channelMetricSamples, channels, channelSync, postMetrics, postMetricSamples, postTargets } from '../../../db/schema';
import { defineJob, type JobContext } from '../../../jobs/defineJob';
import { connectorContext, maybeConnectorFor, recordChannelError, recordChannelOk } from '../../channels';

/** Posts older than this stop being refreshed by the hourly run: their counts barely move any more. */
export const DEFAULT_METRICS_DAYS = 30;

/**
 * Refreshes post_metrics from the networks for targets published in the last `days` days (hourly
 * with the default; enqueue it with another `days`, or one `workspaceId`, for a one-off catch-up),
 * and keeps every collection as a sample (post_metric_samples, with the network's own counter names
 * in `raw`); then samples the counters of every connected channel whose network reports them
 * (followers… in channel_metric_samples). A channel whose network fails is skipped, logged and
 * recorded on its health; the next run tries again.
 */
export const collectMetrics = defineJob({
  id: 'scheduling.collectMetrics',
  payload: z.object({ days: z.number().int().min(1).max(365).optional(), workspaceId: z.uuid().optional() }).passthrough(),
  retry: { limit: 1, delaySeconds: 300, backoff: false },
  cron: '23 * * * *',
  expireInSeconds: 1800,
  async handler(payload, ctx) {
    const secrets = ctx.secrets;
    if (!secrets) throw new Error('collecting metrics needs the secret box to open channel credentials');
    const since = new Date(Date.now() - (payload.days ?? DEFAULT_METRICS_DAYS) * 86_400_000);
    const rows = await ctx.db
      .select({ target: postTargets, channel: channels })
      .from(postTargets)
      .innerJoin(channels, and(eq(channels.id, postTargets.channelId), eq(channels.workspaceId, postTargets.workspaceId)))
      .where(and(eq(postTargets.state, 'published'), isNotNull(postTargets.publishedAt), gte(postTargets.publishedAt, since), eq(channels.status, 'connected'), payload.workspaceId ? eq(postTargets.workspaceId, payload.workspaceId) : undefined));
    const byChannel = new Map<string, typeof rows>();
    for (const r of rows) byChannel.set(r.channel.id, [...(byChannel.get(r.channel.id) ?? []), r]);
    let updated = 0;
    for (const group of byChannel.values()) {
      try {
        updated += await collectChannel(ctx, secrets, group);
      } catch (err) {
        await failed(ctx, group[0]!.channel.id, err, 'collecting post metrics');
      }
    }
    const sampled = await sampleChannels(ctx, secrets, payload.workspaceId);
    if (rows.length || sampled) ctx.log.info({ targets: rows.length, updated, channelsSampled: sampled }, 'metrics collected');
  },
});

type Row = { target: typeof postTargets.$inferSelect; channel: typeof channels.$inferSelect };

async function failed(ctx: JobContext, channelId: string, err: unknown, what: string) {
  ctx.log.warn({ err, channelId }, `metrics: ${what} failed; the next run tries again`);
  await recordChannelError({ db: ctx.db, jobs: ctx.jobs }, channelId, err).catch(() => undefined);
}

async function collectChannel(ctx: JobContext, secrets: SecretBox, group: Row[]): Promise<number> {
  const { channel } = group[0]!;
  const connector = maybeConnectorFor(channel.network);
  if (!connector?.fetchMetrics) return 0;
  const byRef = new Map<string, { target: Row['target']; ref: RemoteRef }>();
  for (const { target } of group) if (target.remoteRefs[0]) byRef.set(target.remoteRefs[0].id, { target, ref: target.remoteRefs[0] });
  const metrics = await connector.fetchMetrics(connectorContext(ctx.db, secrets, channel), [...byRef.values()].map((v) => v.ref));
  await recordChannelOk(ctx.db, channel.id);
  const collectedAt = new Date();
  let n = 0;
  await ctx.db.transaction(async (tx) => {
    for (const m of metrics) {
      const target = byRef.get(m.id)?.target;
      if (!target) continue;
      const counts = { likes: m.likes, reposts: m.reposts, replies: m.replies, quotes: m.quotes, impressions: m.impressions ?? null, collectedAt };
      await tx
        .insert(postMetrics)
        .values({ targetId: target.id, workspaceId: target.workspaceId, channelId: channel.id, ...counts })
        .onConflictDoUpdate({ target: postMetrics.targetId, set: counts });
      await tx.insert(postMetricSamples).values({ workspaceId: target.workspaceId, targetId: target.id, counters: countersOf(m), raw: m.raw ?? {}, collectedAt });
      n++;
    }
  });
  return n;
}

/** The normalized counters the network gave (the ones it does not report are left out, not zero). */
function countersOf(m: PostMetrics): Record<string, number> {
  const out: Record<string, number> = { likes: m.likes, reposts: m.reposts, replies: m.replies, quotes: m.quotes };
  for (const k of ['impressions', 'reach', 'saves', 'clicks', 'videoViews'] as const) if (m[k] !== undefined) out[k] = m[k]!;
  return out;
}

/** One sample of each connected channel's own counters, where its network reports them. */
async function sampleChannels(ctx: JobContext, secrets: SecretBox, workspaceId?: string): Promise<number> {
  const rows = await ctx.db
    .select()
    .from(channels)
    .where(and(eq(channels.status, 'connected'), workspaceId ? eq(channels.workspaceId, workspaceId) : undefined));
  let n = 0;
  for (const channel of rows) {
    const connector = maybeConnectorFor(channel.network);
    if (!connector?.fetchChannelMetrics || !channel.authSealed) continue;
    if (channel.rateLimitedUntil && channel.rateLimitedUntil.getTime() > Date.now()) continue;
    try {
      const m = await connector.fetchChannelMetrics(connectorContext(ctx.db, secrets, channel));
      const collectedAt = new Date();
      await ctx.db.transaction(async (tx) => {
        await tx.insert(channelMetricSamples).values({ workspaceId: channel.workspaceId, channelId: channel.id, followers: m.followers, following: m.following ?? null, posts: m.posts ?? null, raw: m.raw, collectedAt });
        await tx.insert(channelSync).values({ channelId: channel.id, metricsCollectedAt: collectedAt }).onConflictDoUpdate({ target: channelSync.channelId, set: { metricsCollectedAt: collectedAt } });
      });
      await recordChannelOk(ctx.db, channel.id, collectedAt);
      n++;
    } catch (err) {
      await failed(ctx, channel.id, err, 'sampling channel counters');
    }
  }
  return n;
}
