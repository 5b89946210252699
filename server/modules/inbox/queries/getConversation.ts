import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { channels, inboundItems, inboxConversations, inboxPeople } from '../../../db/schema';
import { notFound } from '../../../errors';
import { presentConversation, presentConversationItem, presentPerson } from '../presenters';

/** One conversation with its items, oldest first, and the people who wrote them. */
export async function getConversation(db: Db, workspaceId: string, conversationId: string) {
  const [row] = await db
    .select({ conv: inboxConversations, accountId: channels.accountId })
    .from(inboxConversations)
    .innerJoin(channels, eq(channels.id, inboxConversations.channelId))
    .where(and(eq(inboxConversations.id, conversationId), eq(inboxConversations.workspaceId, workspaceId)));
  if (!row) throw notFound('That conversation');
  const items = await db
    .select()
    .from(inboundItems)
    .where(and(eq(inboundItems.inboxConversationId, conversationId), eq(inboundItems.workspaceId, workspaceId)))
    .orderBy(asc(inboundItems.createdAt), asc(inboundItems.id));
  const personIds = [...new Set(items.map((i) => i.personId).filter((p): p is string => p !== null))];
  const people = personIds.length ? await db.select().from(inboxPeople).where(and(inArray(inboxPeople.id, personIds), eq(inboxPeople.workspaceId, workspaceId))) : [];
  return { conversation: presentConversation(row.conv), items: items.map((i) => presentConversationItem(i, row.accountId)), people: people.map(presentPerson) };
}
