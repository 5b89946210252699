import { PublishError, type ConnectorContext, type InboundItem, type InboundRef, type RemoteRef } from '../types';
import { Journal } from '../meta/journal';
import { igApi } from './api';

interface Comment {
  id: string;
  text?: string;
  timestamp?: string;
  username?: string;
  from?: { id: string; username: string };
  parent_id?: string;
  replies?: { data?: Comment[] };
}

const FIELDS = 'id,text,timestamp,username,from,parent_id,replies{id,text,timestamp,username,from,parent_id}';

/**
 * Comments on our posts (`GET /{ig-media-id}/comments`, replies nested): top-level ones are 'comment',
 * answers to a comment 'reply'. The cursor is the newest comment time seen; the account's own comments
 * are left out.
 */
export async function pullComments(ctx: ConnectorContext, opts: { cursor?: string; ourPosts?: RemoteRef[] }): Promise<{ items: InboundItem[]; cursor?: string }> {
  const after = opts.cursor ? Date.parse(opts.cursor) : 0;
  const me = ctx.auth.userId;
  const items: InboundItem[] = [];
  const seen = new Set<string>();
  let newest = after;
  const take = (c: Comment, mediaId: string) => {
    const at = Date.parse(c.timestamp ?? '');
    if (seen.has(c.id) || !(at > after) || (me && c.from?.id === me)) return;
    seen.add(c.id);
    newest = Math.max(newest, at);
    items.push(toItem(c, mediaId, at));
  };
  for (const post of opts.ourPosts ?? []) {
    const res = await igApi.call<{ data?: Comment[] }>(ctx, 'GET', `${post.id}/comments`, { fields: FIELDS });
    for (const c of res.data ?? []) {
      take(c, post.id);
      for (const r of c.replies?.data ?? []) take({ parent_id: c.id, ...r }, post.id);
    }
  }
  return { items, cursor: newest > 0 ? new Date(newest).toISOString() : opts.cursor };
}

function toItem(c: Comment, mediaId: string, at: number): InboundItem {
  const handle = c.from?.username ?? c.username ?? 'unknown';
  return {
    networkId: c.id,
    kind: c.parent_id ? 'reply' : 'comment',
    author: { id: c.from?.id ?? handle, handle, url: `https://www.instagram.com/${handle}/` },
    text: c.text ?? '',
    parentId: c.parent_id ?? mediaId,
    rootId: mediaId,
    createdAt: new Date(at),
    meta: c.parent_id ? { parentId: c.parent_id } : undefined,
  };
}

/** Replies sent by this process, by key: the API has no idempotency key, so a retry returns the first. */
const sent = new Journal();

/** `POST /{ig-comment-id}/replies` (a reply to a reply goes to its top-level comment: Instagram nests one level). */
export async function replyTo(ctx: ConnectorContext, to: InboundRef, input: { text: string; idempotencyKey: string }): Promise<RemoteRef> {
  if (input.text.trim() === '') throw new PublishError('rejected', 'A reply needs text.');
  const earlier = sent.get(input.idempotencyKey)?.containerId;
  if (earlier) return { id: earlier };
  const target = to.kind === 'reply' && to.meta?.parentId ? to.meta.parentId : to.id;
  const { id } = await igApi.call<{ id: string }>(ctx, 'POST', `${target}/replies`, { message: input.text });
  sent.set(input.idempotencyKey, { containerId: id, text: input.text });
  return { id };
}

/** `POST /{ig-comment-id}?hide=true`. */
export async function hideComment(ctx: ConnectorContext, item: InboundRef): Promise<void> {
  const res = await igApi.call<{ success?: boolean }>(ctx, 'POST', item.id, { hide: true });
  if (!res.success) throw new PublishError('rejected', 'Instagram did not hide the comment.');
}

/** `DELETE /{ig-comment-id}`. */
export async function deleteComment(ctx: ConnectorContext, item: InboundRef): Promise<void> {
  const res = await igApi.call<{ success?: boolean }>(ctx, 'DELETE', item.id);
  if (!res.success) throw new PublishError('rejected', 'Instagram did not delete the comment.');
}
