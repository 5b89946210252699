import { isGone } from '../meta/graph';
import { insightValues as raw, type Insight } from '../meta/insights';
import type { ChannelMetrics, ConnectorContext, PostMetrics, RemoteRef } from '../types';
import { threadsApi } from './api';

/** `GET /{media-id}/insights?metric=views,likes,replies,reposts,quotes,shares`, one post at a time. */
export async function fetchPostMetrics(ctx: ConnectorContext, refs: RemoteRef[]): Promise<PostMetrics[]> {
  const out: PostMetrics[] = [];
  for (const ref of refs) {
    let rows: Insight[] | undefined;
    try {
      rows = (await threadsApi.call<{ data?: Insight[] }>(ctx, 'GET', `${ref.id}/insights`, { metric: 'views,likes,replies,reposts,quotes,shares' })).data;
    } catch (err) {
      if (isGone(err)) continue;
      throw err;
    }
    const r = raw(rows);
    out.push({ id: ref.id, likes: r.likes ?? 0, reposts: r.reposts ?? 0, replies: r.replies ?? 0, quotes: r.quotes ?? 0, impressions: r.views, raw: r });
  }
  return out;
}

/** `GET /{user-id}/threads_insights?metric=followers_count`. */
export async function fetchChannelMetrics(ctx: ConnectorContext): Promise<ChannelMetrics> {
  const res = await threadsApi.call<{ data?: Insight[] }>(ctx, 'GET', `${threadsApi.userId(ctx)}/threads_insights`, { metric: 'followers_count' });
  const r = raw(res.data);
  return { followers: r.followers_count ?? 0, raw: r };
}
