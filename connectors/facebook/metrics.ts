import type { ChannelMetrics, ConnectorContext, PostMetrics, RemoteRef } from '../types';
import { graph, isGone } from './graph';
import { pageOf } from './page';

interface PostCounts {
  shares?: { count: number };
  reactions?: { summary?: { total_count: number } };
  comments?: { summary?: { total_count: number } };
}

interface Insights {
  data: { name: string; values: { value: number | Record<string, number> }[] }[];
}

/**
 * Reactions, comments and shares from the post's summaries, and views from its insights.
 * post_media_view and post_total_media_view_unique replace post_impressions(_unique), deprecated
 * on 15 November 2025. A post that no longer exists is left out.
 */
export async function facebookPostMetrics(ctx: ConnectorContext, refs: RemoteRef[]): Promise<PostMetrics[]> {
  const { call } = pageOf(ctx);
  const out: PostMetrics[] = [];
  for (const ref of refs) {
    let counts: PostCounts;
    try {
      counts = await graph<PostCounts>(call, 'GET', ref.id, { fields: 'shares,reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0)' });
    } catch (err) {
      if (isGone(err)) continue;
      throw err;
    }
    const insights = await graph<Insights>(call, 'GET', `${ref.id}/insights`, { metric: 'post_media_view,post_total_media_view_unique' });
    const metric = (name: string) => {
      const v = insights.data.find((d) => d.name === name)?.values[0]?.value;
      return typeof v === 'number' ? v : undefined;
    };
    const likes = counts.reactions?.summary?.total_count ?? 0;
    const replies = counts.comments?.summary?.total_count ?? 0;
    const reposts = counts.shares?.count ?? 0;
    const views = metric('post_media_view');
    const reach = metric('post_total_media_view_unique');
    out.push({
      id: ref.id,
      likes,
      reposts,
      replies,
      quotes: 0,
      ...(views !== undefined ? { impressions: views } : {}),
      ...(reach !== undefined ? { reach } : {}),
      raw: { reactions: likes, comments: replies, shares: reposts, ...(views !== undefined ? { post_media_view: views } : {}), ...(reach !== undefined ? { post_total_media_view_unique: reach } : {}) },
    });
  }
  return out;
}

/** followers_count (people who follow the Page) and fan_count (Page likes). */
export async function facebookChannelMetrics(ctx: ConnectorContext): Promise<ChannelMetrics> {
  const { pageId, call } = pageOf(ctx);
  const page = await graph<{ followers_count?: number; fan_count?: number }>(call, 'GET', pageId, { fields: 'followers_count,fan_count' });
  const followers = page.followers_count ?? 0;
  return { followers, raw: { followers_count: followers, ...(page.fan_count !== undefined ? { fan_count: page.fan_count } : {}) } };
}
