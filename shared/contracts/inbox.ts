import { z } from 'zod';
import { Id } from './common';
import { InboundKind, Sentiment } from './inbound';

export const CONVERSATION_STATUSES = ['open', 'pending', 'done'] as const;
export const CONVERSATION_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const CONVERSATION_KINDS = ['comments', 'thread', 'mention', 'dm'] as const;
/** all: everything not snoozed; mine / unassigned: by assignee; needs_reply: waiting for us; snoozed: only the snoozed ones. */
export const INBOX_VIEWS = ['all', 'mine', 'unassigned', 'needs_reply', 'snoozed'] as const;

export const ConversationStatus = z.enum(CONVERSATION_STATUSES);
export const ConversationPriority = z.enum(CONVERSATION_PRIORITIES);
const Tag = z.string().trim().toLowerCase().min(1, 'A tag cannot be empty.').max(40, 'Keep a tag under 40 characters.');

export const InboxPerson = z.object({
  id: Id,
  network: z.string(),
  networkUserId: z.string(),
  handle: z.string(),
  displayName: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  url: z.string().nullable(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
});

export const Conversation = z.object({
  id: Id,
  channelId: Id,
  kind: z.enum(CONVERSATION_KINDS),
  subject: z.string(),
  firstItemAt: z.string(),
  lastItemAt: z.string(),
  itemCount: z.number().int(),
  status: ConversationStatus,
  assigneeId: Id.nullable(),
  priority: ConversationPriority,
  tags: z.array(z.string()),
  snoozedUntil: z.string().nullable(),
  needsReply: z.boolean(),
  latestSentiment: Sentiment.nullable(),
  repliedAt: z.string().nullable(),
  /** Send it back with a change: a change against an older version is refused (409). */
  version: z.number().int(),
});
export type Conversation = z.infer<typeof Conversation>;

export const ConversationItem = z.object({
  id: Id,
  kind: InboundKind,
  personId: Id.nullable(),
  text: z.string(),
  url: z.string().nullable(),
  parentId: z.string().nullable(),
  createdAt: z.string(),
  needsReply: z.boolean(),
  fromUs: z.boolean(),
  sentiment: Sentiment.nullable(),
  moderation: z.enum(['hidden', 'deleted']).nullable(),
});

export const ConversationDetail = z.object({ conversation: Conversation, items: z.array(ConversationItem), people: z.array(InboxPerson) });

export const ListConversationsQuery = z.strictObject({
  view: z.enum(INBOX_VIEWS).default('all'),
  channelId: Id.optional(),
  status: ConversationStatus.optional(),
  sentiment: Sentiment.optional(),
  tag: Tag.optional(),
  limit: z.coerce.number().int().min(1, 'Ask for at least 1 conversation.').max(100, 'Ask for at most 100 conversations at a time.').default(50),
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
});

export const ConversationPage = z.object({ conversations: z.array(Conversation), nextCursor: z.string().nullable() });

const Changes = {
  /** A workspace member, or null to unassign. */
  assigneeId: Id.nullable().optional(),
  status: ConversationStatus.optional(),
  priority: ConversationPriority.optional(),
  tags: z.array(Tag).max(20, 'At most 20 tags.').optional(),
  /** Hidden from the usual views until then; null to wake it. */
  snoozedUntil: z.iso.datetime({ offset: true }).nullable().optional(),
};
export const ConversationChanges = z.strictObject(Changes);

export const UpdateConversationBody = z.strictObject({ version: z.number().int().min(1), ...Changes });

export const BulkUpdateConversationsBody = z.strictObject({
  ids: z.array(Id).min(1, 'Pick at least one conversation.').max(100, 'Change at most 100 conversations at a time.'),
  changes: ConversationChanges,
});
export const BulkUpdateResult = z.object({ conversations: z.array(Conversation) });
