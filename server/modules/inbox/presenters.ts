import type { z } from 'zod';
import type { Conversation, ConversationItem, InboxPerson } from '../../../shared/contracts/inbox';
import type { inboundItems, inboxConversations, inboxPeople } from '../../db/schema';

export function presentConversation(c: typeof inboxConversations.$inferSelect): Conversation {
  return {
    id: c.id,
    channelId: c.channelId,
    kind: c.kind,
    subject: c.subject,
    firstItemAt: c.firstItemAt.toISOString(),
    lastItemAt: c.lastItemAt.toISOString(),
    itemCount: c.itemCount,
    status: c.status,
    assigneeId: c.assigneeId,
    priority: c.priority,
    tags: c.tags,
    snoozedUntil: c.snoozedUntil?.toISOString() ?? null,
    needsReply: c.needsReply,
    latestSentiment: c.latestSentiment,
    repliedAt: c.repliedAt?.toISOString() ?? null,
    version: c.version,
  };
}

export function presentConversationItem(i: typeof inboundItems.$inferSelect, ourAccountId: string): z.infer<typeof ConversationItem> {
  return {
    id: i.id,
    kind: i.kind,
    personId: i.personId,
    text: i.text,
    url: i.url,
    parentId: i.parentId,
    createdAt: i.createdAt.toISOString(),
    needsReply: i.needsReply ?? false,
    fromUs: i.authorId === ourAccountId,
    sentiment: i.sentiment,
    moderation: i.moderation,
  };
}

export function presentPerson(p: typeof inboxPeople.$inferSelect): z.infer<typeof InboxPerson> {
  return {
    id: p.id,
    network: p.network,
    networkUserId: p.networkUserId,
    handle: p.handle,
    displayName: p.displayName,
    avatarUrl: p.avatarUrl,
    url: p.url,
    firstSeenAt: p.firstSeenAt.toISOString(),
    lastSeenAt: p.lastSeenAt.toISOString(),
  };
}
