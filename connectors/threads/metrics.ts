import { insightValues, postInsights, type Insight } from '../meta/insights';
import type { ChannelMetrics, ConnectorContext, PostMetrics, RemoteRef } from '../types';
import { threadsApi } from './api';

/** `GET /{media-id}/insights?metric=views,likes,replies,reposts,quotes,shares`, one post at a time. */
export async function fetchPostMetrics(ctx: ConnectorContext, refs: RemoteRef[]): Promise<PostMetrics[]> {
  const rows = await postInsights(threadsApi, ctx, refs, 'views,likes,replies,reposts,quotes,shares');
  return rows.map(({ id, raw: r }) => ({ id, likes: r.likes ?? 0, reposts: r.reposts ?? 0, replies: r.replies ?? 0, quotes: r.quotes ?? 0, impressions: r.views, raw: r }));
}

/** `GET /{user-id}/threads_insights?metric=followers_count`. */
export async function fetchChannelMetrics(ctx: ConnectorContext): Promise<ChannelMetrics> {
  const res = await threadsApi.call<{ data?: Insight[] }>(ctx, 'GET', `${threadsApi.userId(ctx)}/threads_insights`, { metric: 'followers_count' });
  const r = insightValues(res.data);
  return { followers: r.followers_count ?? 0, raw: r };
}
