import type { ChannelMetrics, ConnectorContext, PostMetrics, RemoteRef } from '../types';
import { call, userClient } from './client';

/** `GET /2/tweets` takes up to 100 ids at a time. */
const BATCH = 100;

type Counters = Record<string, number | undefined>;

function numbers(c: Counters | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(c ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1])));
}

/**
 * `public_metrics` of our posts: like, retweet (repost), reply and quote counts, plus
 * `impression_count` and `bookmark_count`. Posts X no longer has come back under `errors` and are
 * left out.
 */
export async function fetchPostMetrics(ctx: ConnectorContext, refs: RemoteRef[]): Promise<PostMetrics[]> {
  const client = userClient(ctx);
  const out: PostMetrics[] = [];
  for (let i = 0; i < refs.length; i += BATCH) {
    const ids = refs.slice(i, i + BATCH).map((r) => r.id);
    const res = await call(() => client.v2.get<{ data?: { id: string; public_metrics?: Counters }[] }>('tweets', { ids: ids.join(','), 'tweet.fields': 'public_metrics' }));
    for (const t of res.data ?? []) {
      const raw = numbers(t.public_metrics);
      out.push({
        id: t.id,
        likes: raw.like_count ?? 0,
        reposts: raw.retweet_count ?? 0,
        replies: raw.reply_count ?? 0,
        quotes: raw.quote_count ?? 0,
        impressions: raw.impression_count,
        saves: raw.bookmark_count,
        raw,
      });
    }
  }
  return out;
}

/** `GET /2/users/me?user.fields=public_metrics`: followers, following, posts. */
export async function fetchChannelMetrics(ctx: ConnectorContext): Promise<ChannelMetrics> {
  const client = userClient(ctx);
  const res = await call(() => client.v2.get<{ data: { public_metrics?: Counters } }>('users/me', { 'user.fields': 'public_metrics' }));
  const raw = numbers(res.data.public_metrics);
  return { followers: raw.followers_count ?? 0, following: raw.following_count, posts: raw.tweet_count, raw };
}
