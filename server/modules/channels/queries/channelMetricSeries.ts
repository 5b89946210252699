import { and, asc, eq, gte } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { channelMetricSamples, channels } from '../../../db/schema';
import { notFound } from '../../../errors';

/** A channel's follower counts over the last `days`, oldest first. */
export async function channelMetricSeries(db: Db, workspaceId: string, channelId: string, days: number) {
  const [c] = await db.select({ id: channels.id }).from(channels).where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)));
  if (!c) throw notFound('That channel');
  const rows = await db
    .select()
    .from(channelMetricSamples)
    .where(and(eq(channelMetricSamples.channelId, channelId), gte(channelMetricSamples.collectedAt, new Date(Date.now() - days * 86_400_000))))
    .orderBy(asc(channelMetricSamples.collectedAt));
  return { channelId, samples: rows.map((r) => ({ at: r.collectedAt.toISOString(), followers: r.followers, following: r.following, posts: r.posts, raw: r.raw })) };
}
