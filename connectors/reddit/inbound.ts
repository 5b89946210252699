import { PublishError, type ConnectorContext, type InboundItem, type InboundRef, type RemoteRef } from '../types';
import { redditCall } from './http';
import { WEB, type CommentData, type LinkData, type Listing } from './listing';
import { deleteRedditThing } from './publish';

const MAX_POSTS = 20;

/**
 * Comments under our posts: GET /comments/{id} answers [the post, its comment tree]. Replies are
 * nested in `replies`; "more" stubs (kind "more") are skipped — the next pull, sorted by new,
 * reaches them as they become the newest. Our own comments are not inbound.
 */
export async function pullRedditComments(ctx: ConnectorContext, opts: { cursor?: string; ourPosts?: RemoteRef[] }): Promise<{ items: InboundItem[]; cursor?: string }> {
  const posts = (opts.ourPosts ?? []).filter((p) => p.id.startsWith('t3_')).slice(0, MAX_POSTS);
  const since = opts.cursor ? Number(opts.cursor) : 0;
  const me = ctx.auth.username?.toLowerCase();
  const items: InboundItem[] = [];
  let newest = since;
  for (const post of posts) {
    const [, comments] = await redditCall<[Listing<LinkData>, Listing<CommentData>]>(ctx, 'GET', `/comments/${post.id.slice(3)}?sort=new&limit=100&raw_json=1`);
    for (const c of flatten(comments)) {
      newest = Math.max(newest, c.created_utc);
      if (c.created_utc <= since || c.author.toLowerCase() === me || c.author === '[deleted]') continue;
      items.push(toItem(c));
    }
  }
  return { items, cursor: newest > 0 ? String(newest) : opts.cursor };
}

function flatten(listing: Listing<CommentData> | '' | undefined): CommentData[] {
  if (!listing) return [];
  return listing.data.children.filter((t) => t.kind === 't1').flatMap((t) => [t.data, ...flatten(t.data.replies)]);
}

function toItem(c: CommentData): InboundItem {
  return {
    networkId: c.name,
    kind: c.parent_id.startsWith('t3_') ? 'comment' : 'reply',
    author: { id: c.author_fullname ?? c.author, handle: c.author, url: `${WEB}/user/${encodeURIComponent(c.author)}` },
    text: c.body,
    parentId: c.parent_id,
    rootId: c.link_id,
    url: `${WEB}${c.permalink}`,
    createdAt: new Date(c.created_utc * 1000),
    meta: { subreddit: c.subreddit, author: c.author },
  };
}

interface CommentAnswer {
  json: { errors: unknown[]; data?: { things?: { kind: string; data: CommentData }[] } };
}

/** POST /api/comment under a post or comment (thing_id is its fullname). */
export async function replyOnReddit(ctx: ConnectorContext, to: InboundRef, input: { text: string }): Promise<RemoteRef> {
  if (!input.text.trim()) throw new PublishError('rejected', 'a Reddit reply needs text');
  const answer = await redditCall<CommentAnswer>(ctx, 'POST', '/api/comment', { thing_id: to.id, text: input.text });
  const c = answer.json.data?.things?.[0]?.data;
  if (!c?.name) throw new PublishError('transient', 'Reddit accepted the reply but did not return it');
  return { id: c.name, url: `${WEB}${c.permalink}` };
}

/**
 * Our own comment is deleted (/api/del). Someone else's is removed (/api/remove, not as spam), which
 * Reddit allows only to moderators of the subreddit: otherwise it answers 403, reported as rejected.
 */
export async function deleteRedditComment(ctx: ConnectorContext, item: InboundRef): Promise<void> {
  const author = item.meta?.author?.toLowerCase();
  if (author && author === ctx.auth.username?.toLowerCase()) return deleteRedditThing(ctx, item);
  try {
    await redditCall(ctx, 'POST', '/api/remove', { id: item.id, spam: 'false' });
  } catch (err) {
    if (err instanceof PublishError && err.opts.networkCode === '403') {
      throw new PublishError('rejected', `${err.message} (removing others' comments needs the account to moderate r/${item.meta?.subreddit ?? ctx.auth.subreddit ?? '?'})`, err.opts);
    }
    throw err;
  }
}
