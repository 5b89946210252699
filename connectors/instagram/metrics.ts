import { postInsights } from '../meta/insights';
import type { ChannelMetrics, ConnectorContext, PostMetrics, RemoteRef } from '../types';
import { igApi } from './api';

/** Metrics every media type reports (views replaced impressions and plays in 2025). */
const METRICS = 'likes,comments,shares,saved,reach,views';

/**
 * `GET /{ig-media-id}/insights`, one post at a time. Instagram has no reposts or quotes: `shares` (sent
 * to stories or messages) stands for reposts, quotes stay 0; every counter is kept raw.
 */
export async function fetchPostMetrics(ctx: ConnectorContext, refs: RemoteRef[]): Promise<PostMetrics[]> {
  const rows = await postInsights(igApi, ctx, refs, METRICS);
  return rows.map(({ id, raw }) => ({ id, likes: raw.likes ?? 0, reposts: raw.shares ?? 0, replies: raw.comments ?? 0, quotes: 0, impressions: raw.views, reach: raw.reach, saves: raw.saved, raw }));
}

/** `GET /{ig-user-id}?fields=followers_count,follows_count,media_count`. */
export async function fetchChannelMetrics(ctx: ConnectorContext): Promise<ChannelMetrics> {
  const res = await igApi.call<Record<string, unknown>>(ctx, 'GET', igApi.userId(ctx), { fields: 'followers_count,follows_count,media_count' });
  const raw = Object.fromEntries(Object.entries(res).filter((e): e is [string, number] => typeof e[1] === 'number'));
  return { followers: raw.followers_count ?? 0, following: raw.follows_count, posts: raw.media_count, raw };
}
