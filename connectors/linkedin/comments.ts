import { PublishError, type ConnectorContext, type InboundItem, type InboundRef, type RemoteRef } from '../types';
import { authOf, enc, li } from './api';

interface Comment {
  id: string;
  actor: string;
  commentUrn?: string;
  $URN?: string;
  object?: string;
  created: { time: number; actor?: string };
  message?: { text: string };
  parentComment?: string;
}

/** Without our posts to look under, the organization's latest posts. */
const RECENT_POSTS = 10;

/**
 * Comments on our posts (GET /rest/socialActions/{post}/comments). The cursor is the newest
 * created.time seen (ms); older comments and the organization's own are left out. LinkedIn gives
 * commenters as member URNs only: reading names needs a partner-only profile permission.
 */
export async function pullLinkedIn(ctx: ConnectorContext, opts: { cursor?: string; ourPosts?: RemoteRef[] }): Promise<{ items: InboundItem[]; cursor?: string }> {
  const { accessToken, authorUrn } = authOf(ctx);
  const since = Number(opts.cursor ?? 0);
  const posts = opts.ourPosts?.length ? opts.ourPosts.map((p) => p.id) : await recentPosts(ctx);
  const items: InboundItem[] = [];
  let newest = since;
  for (const post of posts) {
    const { body } = await li<{ elements: Comment[] }>(ctx.baseUrl, accessToken, 'GET', `/rest/socialActions/${enc(post)}/comments?count=100`);
    for (const c of body.elements) {
      if (c.created.time <= since || c.actor === authorUrn) continue;
      newest = Math.max(newest, c.created.time);
      const urn = c.commentUrn ?? c.$URN ?? `urn:li:comment:(${c.object},${c.id})`;
      items.push({
        networkId: urn,
        kind: c.parentComment ? 'reply' : 'comment',
        author: { id: c.actor, handle: c.actor },
        text: c.message?.text ?? '',
        parentId: c.parentComment ?? post,
        rootId: post,
        createdAt: new Date(c.created.time),
        ...(c.object ? { meta: { object: c.object } } : {}),
      });
    }
  }
  return { items, ...(newest > 0 ? { cursor: String(newest) } : {}) };
}

async function recentPosts(ctx: ConnectorContext): Promise<string[]> {
  const { accessToken, authorUrn } = authOf(ctx);
  const { body } = await li<{ elements: { id: string }[] }>(ctx.baseUrl, accessToken, 'GET', `/rest/posts?q=author&author=${enc(authorUrn)}&count=${RECENT_POSTS}`);
  return body.elements.map((p) => p.id);
}

/** urn:li:comment:(urn:li:activity:1,2) → its thread (urn:li:activity:1) and id (2). */
export function parseCommentUrn(urn: string): { object: string; id: string } {
  const m = /^urn:li:comment:\((.+),(\d+)\)$/.exec(urn);
  if (!m) throw new PublishError('rejected', `not a LinkedIn comment URN: ${urn}`);
  return { object: m[1]!, id: m[2]! };
}

/** A nested comment as the organization: POST /rest/socialActions/{comment}/comments with parentComment. */
export async function replyLinkedIn(ctx: ConnectorContext, to: InboundRef, input: { text: string }): Promise<RemoteRef> {
  const { accessToken, authorUrn } = authOf(ctx);
  const { object } = parseCommentUrn(to.id);
  const res = await li<Comment>(ctx.baseUrl, accessToken, 'POST', `/rest/socialActions/${enc(to.id)}/comments`, { actor: authorUrn, object, parentComment: to.id, message: { text: input.text } });
  const id = res.body?.commentUrn ?? res.body?.$URN ?? res.headers.get('x-restli-id');
  if (!id) throw new PublishError('transient', 'LinkedIn created the comment but did not say its id');
  return { id };
}

/** DELETE /rest/socialActions/{thread}/comments/{id}?actor=<organization>; already gone = done. */
export async function deleteLinkedInComment(ctx: ConnectorContext, item: InboundRef): Promise<void> {
  const { accessToken, authorUrn } = authOf(ctx);
  const { object, id } = parseCommentUrn(item.id);
  try {
    await li(ctx.baseUrl, accessToken, 'DELETE', `/rest/socialActions/${enc(object)}/comments/${id}?actor=${enc(authorUrn)}`);
  } catch (err) {
    if (err instanceof PublishError && err.opts.networkCode?.split(':')[0] === '404') return;
    throw err;
  }
}
