import type { mastodon } from 'masto';
import type { ConnectorContext, InboundItem, RemoteRef } from '../types';
import { channelClient, ourAccount } from './client';
import { classified } from './errors';
import { htmlToText } from './html';

/** Mastodon's notifications page size (default 40, max 80). */
const PAGE = 40;
/** At most this many pages per pull; the cursor carries the rest to the next pull. */
const MAX_PAGES = 5;

/**
 * Ids are opaque strings that sort by age: Mastodon's are decimal snowflakes, GoToSocial's
 * fixed-length ULIDs. Longer is newer, then lexical order.
 */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

const newest = (ids: string[]) => ids.reduce((max, id) => (compareIds(id, max) > 0 ? id : max));

/**
 * Replies, mentions and private mentions, from GET /api/v1/notifications?types[]=mention (a reply to
 * us notifies us as a mention). The cursor is the id of the newest notification seen: the next pull
 * asks with `min_id` ("results immediately newer than this id") and walks forward page by page while
 * pages come back full, so nothing between two pulls is skipped; `since_id` would return the newest
 * page and leave a gap after a busy spell. The first pull (no cursor) reads the latest page only.
 * Ids are compared rather than Link headers parsed: the docs allow building pages from ids, and
 * it works the same behind proxies that drop headers.
 *
 * Private mentions from accounts the user does not follow may be held back by the user's notification
 * policy (Mastodon 4.3+, "filtered notifications"); those reach us once the user accepts them.
 */
export async function pullInbound(ctx: ConnectorContext, opts: { cursor?: string; ourPosts?: RemoteRef[] }): Promise<{ items: InboundItem[]; cursor?: string }> {
  const { client, auth } = channelClient(ctx);
  return classified(async () => {
    const me = await ourAccount(client, auth);
    const notifications: mastodon.v1.Notification[] = [];
    let minId = opts.cursor;
    for (let page = 0; page < MAX_PAGES; page++) {
      const batch = await client.v1.notifications.list({ types: ['mention'], limit: PAGE, ...(minId ? { minId } : {}) });
      notifications.push(...batch);
      if (!opts.cursor || batch.length < PAGE) break;
      minId = newest(batch.map((n) => n.id));
    }
    const ours = new Set((opts.ourPosts ?? []).map((r) => r.id));
    const items = new Map<string, InboundItem>();
    for (const n of notifications) {
      if (n.type !== 'mention' || !n.status) continue;
      const item = toInboundItem(n.status, me, ours);
      items.set(item.networkId, item);
    }
    const ids = notifications.map((n) => n.id);
    return { items: [...items.values()], cursor: ids.length ? newest(opts.cursor ? [...ids, opts.cursor] : ids) : opts.cursor };
  });
}

/** A status that mentions us, as an inbound item: a message when private, a reply when it answers us. */
export function toInboundItem(status: mastodon.v1.Status, me: { id: string; acct: string }, ourPosts: Set<string>): InboundItem {
  const author = status.account;
  const repliesToUs = Boolean(status.inReplyToId && ourPosts.has(status.inReplyToId)) || status.inReplyToAccountId === me.id;
  const kind = status.visibility === 'direct' ? 'message' : repliesToUs ? 'reply' : 'mention';
  // Everyone else the status mentions: a reply mentions them again, as Mastodon's own clients do.
  const others = (status.mentions ?? []).filter((m) => m.id !== me.id && m.id !== author.id).map((m) => m.acct);
  const meta: Record<string, string> = { acct: author.acct, visibility: status.visibility };
  if (others.length) meta.mentions = others.join(' ');
  if (status.spoilerText) meta.contentWarning = status.spoilerText;
  return {
    networkId: status.id,
    kind,
    author: {
      id: author.id,
      handle: author.acct,
      ...(author.displayName ? { displayName: author.displayName } : {}),
      ...(author.avatar ? { avatarUrl: author.avatar } : {}),
      ...(author.url ? { url: author.url } : {}),
    },
    text: htmlToText(status.content ?? ''),
    ...(status.language ? { language: status.language } : {}),
    ...(status.inReplyToId ? { parentId: status.inReplyToId } : {}),
    ...(status.inReplyToId && ourPosts.has(status.inReplyToId) ? { rootId: status.inReplyToId } : {}),
    ...(status.url || status.uri ? { url: status.url || status.uri } : {}),
    createdAt: new Date(status.createdAt),
    meta,
  };
}
