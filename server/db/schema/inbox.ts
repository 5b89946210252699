import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity';
import { channels } from './publishing';
import { workspaces } from './workspaces';

/** Someone who wrote to one of the workspace's channels: one row per workspace, network and the network's id, refreshed on arrival. */
export const inboxPeople = pgTable(
  'inbox_people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    network: text('network').notNull(),
    networkUserId: text('network_user_id').notNull(),
    handle: text('handle').notNull(),
    displayName: text('display_name'),
    avatarUrl: text('avatar_url'),
    url: text('url'),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('inbox_people_uq').on(t.workspaceId, t.network, t.networkUserId)],
);

/**
 * A thread the inbox shows as one line: the comments under one post (ours or a network thread root),
 * a direct-message thread, or a mention and its replies. Unique by channel and thread key, so pulling
 * the same items again never makes a second one.
 */
export const inboxConversations = pgTable(
  'inbox_conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id').notNull().references(() => channels.id, { onDelete: 'cascade' }),
    /** "thread:<root network id>" or "dm:<network conversation id>". */
    threadKey: text('thread_key').notNull(),
    kind: text('kind').$type<'comments' | 'thread' | 'mention' | 'dm'>().notNull(),
    subject: text('subject').notNull(),
    firstItemAt: timestamp('first_item_at', { withTimezone: true }).notNull(),
    lastItemAt: timestamp('last_item_at', { withTimezone: true }).notNull(),
    itemCount: integer('item_count').notNull().default(0),
    status: text('status').$type<'open' | 'pending' | 'done'>().notNull().default('open'),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    priority: text('priority').$type<'low' | 'normal' | 'high' | 'urgent'>().notNull().default('normal'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    snoozedUntil: timestamp('snoozed_until', { withTimezone: true }),
    /** The latest item from outside asks for an answer and nothing of ours came after it. */
    needsReply: boolean('needs_reply').notNull().default(false),
    latestItemId: uuid('latest_item_id'),
    latestSentiment: text('latest_sentiment').$type<'negative' | 'neutral' | 'positive'>(),
    /** When one of us last answered from Tandem. */
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    /** Optimistic concurrency for team edits. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('inbox_conversations_thread_uq').on(t.channelId, t.threadKey),
    index('inbox_conversations_workspace_last_idx').on(t.workspaceId, t.lastItemAt),
    index('inbox_conversations_assignee_idx').on(t.workspaceId, t.assigneeId),
  ],
);
