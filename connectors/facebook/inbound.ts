import type { ConnectorContext, InboundItem, InboundRef, RemoteRef } from '../types';
import { graph, isGone } from './graph';
import { pageOf } from './page';

interface GraphComment {
  id: string;
  message?: string;
  created_time: string;
  from?: { id: string; name: string };
  parent?: { id: string };
  permalink_url?: string;
}

const FIELDS = 'id,message,created_time,from{id,name},parent{id},permalink_url';
/** Without our posts to look under, the Page's latest posts. */
const RECENT_POSTS = 10;

/**
 * Comments under our posts (GET /{post-id}/comments, filter=stream gives replies too). The cursor is
 * the newest created_time seen (Unix seconds); comments at or before it are left out. Webhooks push
 * the same comments as they happen; the network id makes pulling them again harmless.
 */
export async function pullFacebook(ctx: ConnectorContext, opts: { cursor?: string; ourPosts?: RemoteRef[] }): Promise<{ items: InboundItem[]; cursor?: string }> {
  const { pageId, call } = pageOf(ctx);
  const since = Number(opts.cursor ?? 0);
  const posts = opts.ourPosts?.length ? opts.ourPosts.map((p) => p.id) : (await graph<{ data: { id: string }[] }>(call, 'GET', `${pageId}/published_posts`, { fields: 'id', limit: String(RECENT_POSTS) })).data.map((p) => p.id);
  const items: InboundItem[] = [];
  let newest = since;
  for (const postId of posts) {
    let comments: GraphComment[];
    try {
      comments = (await graph<{ data: GraphComment[] }>(call, 'GET', `${postId}/comments`, { filter: 'stream', order: 'reverse_chronological', fields: FIELDS, limit: '100' })).data;
    } catch (err) {
      if (isGone(err)) continue;
      throw err;
    }
    for (const c of comments) {
      const at = Math.floor(Date.parse(c.created_time) / 1000);
      if (at <= since || c.from?.id === pageId) continue;
      newest = Math.max(newest, at);
      items.push(toItem(c, postId));
    }
  }
  return { items, ...(newest > 0 ? { cursor: String(newest) } : {}) };
}

export function toItem(c: GraphComment, postId: string): InboundItem {
  const reply = c.parent !== undefined && c.parent.id !== postId;
  return {
    networkId: c.id,
    kind: reply ? 'reply' : 'comment',
    // `from` is absent when the commenter's privacy hides them from the app.
    author: c.from ? { id: c.from.id, handle: c.from.name, displayName: c.from.name } : { id: 'unknown', handle: 'Facebook user' },
    text: c.message ?? '',
    parentId: c.parent?.id ?? postId,
    rootId: postId,
    ...(c.permalink_url ? { url: c.permalink_url } : {}),
    createdAt: new Date(c.created_time),
  };
}

/** POST /{comment-id}/comments as the Page. Graph has no idempotency key. */
export async function replyFacebook(ctx: ConnectorContext, to: InboundRef, input: { text: string }): Promise<RemoteRef> {
  const { call } = pageOf(ctx);
  const res = await graph<{ id: string }>(call, 'POST', `${to.id}/comments`, { message: input.text });
  return { id: res.id, url: `https://www.facebook.com/${res.id}` };
}

/** is_hidden=true: the author and their friends still see it, everyone else does not. */
export async function hideFacebookComment(ctx: ConnectorContext, item: InboundRef): Promise<void> {
  const { call } = pageOf(ctx);
  await graph(call, 'POST', item.id, { is_hidden: true });
}

export async function deleteFacebookComment(ctx: ConnectorContext, item: InboundRef): Promise<void> {
  const { call } = pageOf(ctx);
  try {
    await graph(call, 'DELETE', item.id);
  } catch (err) {
    if (!isGone(err)) throw err;
  }
}
