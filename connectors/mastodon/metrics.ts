import type { ChannelMetrics, ConnectorContext, PostMetrics, RemoteRef } from '../types';
import { channelClient } from './client';
import { classified, isNotFound } from './errors';
import { isScheduledRef, statusIdOf } from './refs';

/**
 * Counters of our statuses, one GET /api/v1/statuses/:id each (the batch GET /api/v1/statuses?id[]=
 * exists only since Mastodon 4.3). Favourites are likes, boosts are reposts; `quotes_count` exists
 * since Mastodon 4.5 and counts 0 before. A deleted status (404) is left out; a post still scheduled
 * on the instance has no counters yet and is left out too.
 */
export async function fetchPostMetrics(ctx: ConnectorContext, refs: RemoteRef[]): Promise<PostMetrics[]> {
  const ids = [...new Set(refs.filter((r) => !isScheduledRef(r)).map(statusIdOf))];
  if (ids.length === 0) return [];
  const { client } = channelClient(ctx);
  return classified(async () => {
    const out: PostMetrics[] = [];
    for (const id of ids) {
      let status;
      try {
        status = await client.v1.statuses.$select(id).fetch();
      } catch (err) {
        if (isNotFound(err)) continue;
        throw err;
      }
      const raw: Record<string, number> = {
        favourites_count: status.favouritesCount ?? 0,
        reblogs_count: status.reblogsCount ?? 0,
        replies_count: status.repliesCount ?? 0,
      };
      if (typeof status.quotesCount === 'number') raw.quotes_count = status.quotesCount;
      out.push({ id, likes: raw.favourites_count!, reposts: raw.reblogs_count!, replies: raw.replies_count!, quotes: raw.quotes_count ?? 0, raw });
    }
    return out;
  });
}

/** Followers, following and statuses of the account, from verify_credentials. */
export async function fetchChannelMetrics(ctx: ConnectorContext): Promise<ChannelMetrics> {
  const { client } = channelClient(ctx);
  return classified(async () => {
    const me = await client.v1.accounts.verifyCredentials();
    const raw = { followers_count: me.followersCount, following_count: me.followingCount, statuses_count: me.statusesCount };
    return { followers: me.followersCount, following: me.followingCount, posts: me.statusesCount, raw };
  });
}
