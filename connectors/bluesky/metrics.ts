import type { ConnectorContext, PostMetrics, RemoteRef } from '../types';
import { withSession } from './session';

/** app.bsky.feed.getPosts takes at most 25 URIs per call. */
const BATCH = 25;

/**
 * Engagement counts from the AppView (app.bsky.feed.getPosts, through the account's PDS).
 * Counts are eventually consistent: the AppView indexes likes shortly after they happen.
 * Deleted posts are absent from the answer, so they are absent from ours.
 */
export async function fetchPostMetrics(ctx: ConnectorContext, refs: RemoteRef[]): Promise<PostMetrics[]> {
  const uris = [...new Set(refs.map((r) => r.id).filter((id) => id.startsWith('at://')))];
  if (uris.length === 0) return [];
  return withSession(ctx, async (agent) => {
    const out: PostMetrics[] = [];
    for (let i = 0; i < uris.length; i += BATCH) {
      const { data } = await agent.app.bsky.feed.getPosts({ uris: uris.slice(i, i + BATCH) });
      for (const p of data.posts) {
        out.push({ id: p.uri, likes: p.likeCount ?? 0, reposts: p.repostCount ?? 0, replies: p.replyCount ?? 0, quotes: p.quoteCount ?? 0 });
      }
    }
    return out;
  });
}
