import { and, eq, gte, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { ConnectorContext, RemoteRef } from '../../../../connectors/types';
import { channels, postMetrics, postTargets } from '../../../db/schema';
import { defineJob, type JobContext } from '../../../jobs/defineJob';
import { connectorFor } from '../../channels';

/** Posts older than this stop being refreshed by the hourly run: their counts barely move any more. */
export const DEFAULT_METRICS_DAYS = 30;

/**
 * Refreshes post_metrics from the networks for targets published in the last `days` days (hourly
 * with the default; enqueue it with another `days`, or one `workspaceId`, for a one-off catch-up).
 * Idempotent: it overwrites each target's latest counts. A channel whose network fails is skipped
 * and logged; the next run tries again.
 */
export const collectMetrics = defineJob({
  id: 'scheduling.collectMetrics',
  payload: z.object({ days: z.number().int().min(1).max(365).optional(), workspaceId: z.uuid().optional() }).passthrough(),
  retry: { limit: 1, delaySeconds: 300, backoff: false },
  cron: '23 * * * *',
  expireInSeconds: 1800,
  async handler(payload, ctx) {
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
        updated += await collectChannel(ctx, group);
      } catch (err) {
        ctx.log.warn({ err, channelId: group[0]!.channel.id }, 'metrics: collecting a channel failed; the next run tries again');
      }
    }
    if (rows.length) ctx.log.info({ targets: rows.length, updated }, 'metrics collected');
  },
});

type Row = { target: typeof postTargets.$inferSelect; channel: typeof channels.$inferSelect };

async function collectChannel(ctx: JobContext, group: Row[]): Promise<number> {
  const { channel } = group[0]!;
  let connector;
  try {
    connector = connectorFor(channel.network);
  } catch {
    return 0; // this server no longer has the network's connector
  }
  if (!connector.fetchMetrics) return 0;
  const secrets = ctx.secrets;
  if (!secrets) throw new Error('collecting metrics needs the secret box to open channel credentials');
  const cctx: ConnectorContext = {
    auth: JSON.parse(secrets.open(channel.authSealed)) as Record<string, string>,
    onAuthRefreshed: async (auth) => {
      await ctx.db.update(channels).set({ authSealed: secrets.seal(JSON.stringify(auth)) }).where(eq(channels.id, channel.id));
    },
  };
  const byRef = new Map<string, Row['target']>();
  for (const { target } of group) if (target.remoteRefs[0]) byRef.set(target.remoteRefs[0].id, target);
  const refs: RemoteRef[] = [...byRef.keys()].map((id) => ({ id }));
  const metrics = await connector.fetchMetrics(cctx, refs);
  const collectedAt = new Date();
  let n = 0;
  for (const m of metrics) {
    const target = byRef.get(m.id);
    if (!target) continue;
    const counts = { likes: m.likes, reposts: m.reposts, replies: m.replies, quotes: m.quotes, impressions: m.impressions ?? null, collectedAt };
    await ctx.db
      .insert(postMetrics)
      .values({ targetId: target.id, workspaceId: target.workspaceId, channelId: channel.id, ...counts })
      .onConflictDoUpdate({ target: postMetrics.targetId, set: counts });
    n++;
  }
  return n;
}
