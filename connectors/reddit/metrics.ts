import type { ChannelMetrics, ConnectorContext, PostMetrics, RemoteRef } from '../types';
import { redditCall } from './http';
import type { LinkData, Listing } from './listing';
import { channelSubreddit } from './publish';

/** /api/info takes at most 100 fullnames per call. */
const BATCH = 100;

/**
 * Score, upvote ratio and comment count from /api/info. Reddit's score is upvotes minus downvotes and
 * can be negative: `likes` is floored at 0, the raw score is kept as is. Deleted posts are absent.
 */
export async function fetchRedditMetrics(ctx: ConnectorContext, refs: RemoteRef[]): Promise<PostMetrics[]> {
  const ids = [...new Set(refs.map((r) => r.id).filter((id) => /^t3_[a-z0-9]+$/.test(id)))];
  const out: PostMetrics[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const listing = await redditCall<Listing<LinkData>>(ctx, 'GET', `/api/info?id=${ids.slice(i, i + BATCH).join(',')}&raw_json=1`);
    for (const { kind, data: d } of listing.data.children) {
      if (kind !== 't3' || d.author === '[deleted]') continue;
      out.push({
        id: d.name,
        likes: Math.max(0, Math.round(d.score)),
        reposts: d.num_crossposts ?? 0,
        replies: d.num_comments,
        quotes: 0,
        raw: { score: d.score, upvote_ratio: d.upvote_ratio, num_comments: d.num_comments, num_crossposts: d.num_crossposts ?? 0 },
      });
    }
  }
  return out;
}

interface SubredditAbout {
  kind: 't5';
  data: { subscribers: number; active_user_count?: number | null };
}

/** The channel's audience is the subreddit's subscribers (/r/{sr}/about). */
export async function fetchRedditChannelMetrics(ctx: ConnectorContext): Promise<ChannelMetrics> {
  const sr = channelSubreddit(ctx);
  const about = await redditCall<SubredditAbout>(ctx, 'GET', `/r/${encodeURIComponent(sr)}/about?raw_json=1`);
  const raw: Record<string, number> = { subscribers: about.data.subscribers };
  if (typeof about.data.active_user_count === 'number') raw.active_user_count = about.data.active_user_count;
  return { followers: about.data.subscribers, raw };
}
