import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { channels, inboundItems, inboxConversations, inboxPeople, postTargets, posts } from '../../../db/schema';
import { itemNeedsReply } from '../needsReply';

type Item = typeof inboundItems.$inferSelect;
type Kind = (typeof inboxConversations.$inferSelect)['kind'];

const excerpt = (s: string) => (s.length > 140 ? `${s.slice(0, 139).trimEnd()}…` : s).replace(/\s+/g, ' ').trim() || '(no text)';

/** The thread an item belongs to: its network thread root, its DM thread, or (a mention or quote starting a thread) itself. */
export function threadOf(item: Pick<Item, 'kind' | 'rootId' | 'conversationId' | 'networkId' | 'authorId' | 'targetId'>): { key: string; kind: Kind } {
  if (item.kind === 'message') return { key: `dm:${item.conversationId ?? item.authorId}`, kind: 'dm' };
  const root = item.rootId ?? item.networkId;
  const kind: Kind = item.targetId ? 'comments' : item.kind === 'mention' || item.kind === 'quote' ? 'mention' : 'thread';
  return { key: `thread:${root}`, kind };
}

/**
 * Puts items in their conversations, links them to their person and marks whether they need a
 * reply. Runs in the caller's transaction (the store path) and only touches items not grouped yet,
 * so re-pulling or re-running never makes a second conversation nor moves an item. A conversation
 * marked done opens again when something new arrives from outside.
 */
export async function groupInboundItems(db: Db, itemIds: string[]): Promise<number> {
  if (!itemIds.length) return 0;
  const items = await db.select().from(inboundItems).where(and(inArray(inboundItems.id, itemIds), isNull(inboundItems.inboxConversationId))).orderBy(asc(inboundItems.createdAt), asc(inboundItems.id));
  if (!items.length) return 0;
  const chans = new Map((await db.select({ id: channels.id, network: channels.network, accountId: channels.accountId }).from(channels).where(inArray(channels.id, [...new Set(items.map((i) => i.channelId))]))).map((c) => [c.id, c]));
  const touched = new Map<string, boolean>();
  for (const item of items) {
    const channel = chans.get(item.channelId);
    if (!channel) continue;
    const fromUs = item.authorId === channel.accountId;
    const [person] = await db
      .insert(inboxPeople)
      .values({ workspaceId: item.workspaceId, network: channel.network, networkUserId: item.authorId, handle: item.authorHandle, displayName: item.authorName, avatarUrl: item.authorAvatarUrl, url: item.authorUrl, firstSeenAt: item.createdAt, lastSeenAt: item.createdAt })
      .onConflictDoUpdate({
        target: [inboxPeople.workspaceId, inboxPeople.network, inboxPeople.networkUserId],
        set: {
          handle: item.authorHandle,
          displayName: sql`coalesce(${item.authorName}, ${inboxPeople.displayName})`,
          avatarUrl: sql`coalesce(${item.authorAvatarUrl}, ${inboxPeople.avatarUrl})`,
          url: sql`coalesce(${item.authorUrl}, ${inboxPeople.url})`,
          lastSeenAt: sql`greatest(${inboxPeople.lastSeenAt}, ${item.createdAt.toISOString()}::timestamptz)`,
        },
      })
      .returning({ id: inboxPeople.id });
    const { key, kind } = threadOf(item);
    let subject = excerpt(item.text);
    if (item.targetId) {
      const [post] = await db.select({ text: posts.text }).from(postTargets).innerJoin(posts, eq(posts.id, postTargets.postId)).where(eq(postTargets.id, item.targetId)).limit(1);
      if (post) subject = excerpt(post.text);
    }
    const [conv] = await db
      .insert(inboxConversations)
      .values({ workspaceId: item.workspaceId, channelId: item.channelId, threadKey: key, kind, subject, firstItemAt: item.createdAt, lastItemAt: item.createdAt })
      .onConflictDoUpdate({ target: [inboxConversations.channelId, inboxConversations.threadKey], set: { updatedAt: sql`now()` } })
      .returning({ id: inboxConversations.id });
    await db.update(inboundItems).set({ inboxConversationId: conv!.id, personId: person!.id, needsReply: itemNeedsReply({ kind: item.kind, text: item.text, fromUs }) }).where(eq(inboundItems.id, item.id));
    touched.set(conv!.id, (touched.get(conv!.id) ?? false) || !fromUs);
  }
  for (const [id, fromOutside] of touched) await refreshConversation(db, id, fromOutside);
  return items.length;
}

/** Recomputes a conversation's counters and "needs a reply" from its items. */
export async function refreshConversation(db: Db, id: string, reopen: boolean) {
  await db.execute(sql`
    with agg as (
      select count(*)::int as n, min(created_at) as first_at, max(created_at) as last_at from inbound_items where inbox_conversation_id = ${id}
    ), latest as (
      select i.id, i.sentiment, i.created_at, coalesce(i.needs_reply, false) as needs_reply, i.author_id = ch.account_id as from_us
      from inbound_items i join channels ch on ch.id = i.channel_id
      where i.inbox_conversation_id = ${id} order by i.created_at desc, i.id desc limit 1
    )
    update inbox_conversations c set
      item_count = agg.n, first_item_at = agg.first_at, last_item_at = agg.last_at,
      latest_item_id = latest.id, latest_sentiment = latest.sentiment,
      needs_reply = latest.needs_reply and not latest.from_us and (c.replied_at is null or c.replied_at < latest.created_at),
      status = case when ${reopen} and c.status = 'done' then 'open' else c.status end,
      version = case when ${reopen} and c.status = 'done' then c.version + 1 else c.version end,
      updated_at = now()
    from agg, latest where c.id = ${id}`);
}
