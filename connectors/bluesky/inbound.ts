import { AppBskyFeedDefs, XRPCError, type Agent } from '@atproto/api';
import type { ConnectorContext, InboundItem, RemoteRef } from '../types';
import { InboundWindow } from './inboundCursor';
import { toInboundItem, type PostLike } from './inboundItem';
import { withSession } from './session';

const REASONS = ['reply', 'mention', 'quote'];
const PAGE = 100;
/** At most this many notification pages per pull (a first pull reads one: "the recent ones"). */
const MAX_PAGES = 25;
/**
 * How deep we walk the threads of our posts. The AppView notifies a reply only when one of our posts
 * is at most 4 levels above it (bsky 0.0.221, REPLY_NOTIF_DEPTH = 5), and not at all when the reply
 * was indexed before its parent; the walk finds those.
 */
const THREAD_DEPTH = 50;

/**
 * Replies, mentions and quotes since the cursor: app.bsky.notification.listNotifications (reasons
 * reply, mention, quote) plus a walk of `ourPosts`' threads (app.bsky.feed.getPostThread) for replies
 * the notifications leave out. Both are AppView reads, proxied by the account's PDS.
 * The cursor is described in inboundCursor.ts.
 */
export async function pullInbound(ctx: ConnectorContext, opts: { cursor?: string; ourPosts?: RemoteRef[] }): Promise<{ items: InboundItem[]; cursor?: string }> {
  return withSession(ctx, async (agent, did) => {
    const window = new InboundWindow(opts.cursor);
    const items = new Map<string, InboundItem>();
    const offer = (post: PostLike, reason?: string) => {
      if (post.author.did === did || items.has(post.uri)) return;
      if (window.take(post.uri, Date.parse(post.indexedAt))) items.set(post.uri, toInboundItem(post, did, reason));
    };

    for (const n of await notifications(agent, window)) offer(n, n.reason);
    for (const ref of opts.ourPosts ?? []) {
      if (!ref.id.startsWith(`at://${did}/app.bsky.feed.post/`)) continue;
      for (const post of await threadReplies(agent, ref.id)) offer(post);
    }
    const sorted = [...items.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    return { items: sorted, cursor: window.next() };
  });
}

async function notifications(agent: Agent, window: InboundWindow) {
  const out: (PostLike & { reason: string })[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < (window.initial ? 1 : MAX_PAGES); page++) {
    // priority: false, or an account with "priority notifications" on would only see people it follows.
    const { data } = await agent.app.bsky.notification.listNotifications({ reasons: REASONS, limit: PAGE, priority: false, cursor });
    // `reasons` is a filter the AppView may not apply (older ones ignore unknown parameters).
    out.push(...data.notifications.filter((n) => REASONS.includes(n.reason)));
    const oldest = data.notifications.at(-1);
    cursor = data.cursor;
    if (!cursor || !oldest || Date.parse(oldest.indexedAt) <= window.floor) break;
  }
  return out;
}

/** Every post under `uri` (any depth), or nothing when the post is gone. */
async function threadReplies(agent: Agent, uri: string): Promise<PostLike[]> {
  let thread: unknown;
  try {
    ({ thread } = (await agent.app.bsky.feed.getPostThread({ uri, depth: THREAD_DEPTH, parentHeight: 0 })).data);
  } catch (err) {
    // Deleted (or taken down) since we published it.
    if (err instanceof XRPCError && err.error === 'NotFound') return [];
    throw err;
  }
  const out: PostLike[] = [];
  // Not-found and blocked replies (and what is under them) are left out: the AppView shows us no post there.
  const walk = (node: unknown) => {
    if (!AppBskyFeedDefs.isThreadViewPost(node)) return;
    for (const child of (node as AppBskyFeedDefs.ThreadViewPost).replies ?? []) {
      if (!AppBskyFeedDefs.isThreadViewPost(child)) continue;
      out.push((child as AppBskyFeedDefs.ThreadViewPost).post);
      walk(child);
    }
  };
  walk(thread);
  return out;
}
