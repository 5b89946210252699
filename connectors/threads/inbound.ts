import { PublishError, type ConnectorContext, type InboundItem, type InboundRef, type RemoteRef } from '../types';
import { threadsApi } from './api';
import { publishPart } from './publish';

interface Reply {
  id: string;
  text?: string;
  username?: string;
  permalink?: string;
  timestamp?: string;
  replied_to?: { id: string };
  root_post?: { id: string };
  is_reply_owned_by_me?: boolean;
}

const FIELDS = 'id,text,username,permalink,timestamp,replied_to,root_post,is_reply_owned_by_me';

/**
 * Replies under our posts: `GET /{media-id}/conversation` lists top-level and nested replies, newest
 * first. The cursor is the newest reply time seen (ISO 8601); our own replies are left out. Threads
 * gives a reply's author by username only, which serves as the author id.
 */
export async function pullReplies(ctx: ConnectorContext, opts: { cursor?: string; ourPosts?: RemoteRef[] }): Promise<{ items: InboundItem[]; cursor?: string }> {
  const after = opts.cursor ? Date.parse(opts.cursor) : 0;
  const seen = new Set<string>();
  const items: InboundItem[] = [];
  let newest = after;
  for (const post of opts.ourPosts ?? []) {
    const res = await threadsApi.call<{ data?: Reply[] }>(ctx, 'GET', `${post.id}/conversation`, { fields: FIELDS, reverse: false });
    for (const r of res.data ?? []) {
      const at = Date.parse(r.timestamp ?? '');
      if (r.is_reply_owned_by_me || seen.has(r.id) || !(at > after)) continue;
      seen.add(r.id);
      newest = Math.max(newest, at);
      items.push(toItem(r, post.id, at));
    }
  }
  return { items, cursor: newest > 0 ? new Date(newest).toISOString() : opts.cursor };
}

function toItem(r: Reply, rootId: string, at: number): InboundItem {
  const handle = r.username ?? 'unknown';
  return {
    networkId: r.id,
    kind: 'reply',
    author: { id: handle, handle, url: r.username ? `https://www.threads.net/@${r.username}` : undefined },
    text: r.text ?? '',
    parentId: r.replied_to?.id ?? rootId,
    rootId: r.root_post?.id ?? rootId,
    url: r.permalink,
    createdAt: new Date(at),
  };
}

export async function replyTo(ctx: ConnectorContext, to: InboundRef, input: { text: string; idempotencyKey: string }): Promise<RemoteRef> {
  if (input.text.trim() === '') throw new PublishError('rejected', 'A reply needs text.');
  return publishPart(ctx, { text: input.text, media: [], replyToId: to.id, key: input.idempotencyKey, since: new Date() });
}

/** `POST /{reply-id}/manage_reply hide=true` (top-level replies; their nested replies hide with them). */
export async function hideReply(ctx: ConnectorContext, item: InboundRef): Promise<void> {
  const res = await threadsApi.call<{ success?: boolean }>(ctx, 'POST', `${item.id}/manage_reply`, { hide: true });
  if (!res.success) throw new PublishError('rejected', 'Threads did not hide the reply.');
}
