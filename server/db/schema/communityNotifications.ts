import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces';
import { communityMembers, communityPosts, communityThreads } from './community';
import { communityEvents } from './communityPollsEvents';

export const COMMUNITY_NOTIFICATION_KINDS = ['reply', 'mention', 'quote', 'event_reminder', 'welcome'] as const;
export type CommunityNotificationKind = (typeof COMMUNITY_NOTIFICATION_KINDS)[number];

/**
 * A member's notification. `dedupeKey` makes each one happen once per member: `post:<id>` (one
 * notification per post, the strongest reason wins), `event:<id>:24h` / `event:<id>:1h`, `welcome`.
 */
export const communityNotifications = pgTable(
  'community_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => communityMembers.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<CommunityNotificationKind>().notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    threadId: uuid('thread_id').references(() => communityThreads.id, { onDelete: 'cascade' }),
    postId: uuid('post_id').references(() => communityPosts.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').references(() => communityEvents.id, { onDelete: 'cascade' }),
    /** Strings for the text, as they were when it happened: actorName, threadTitle, excerpt, startsAt, window, messageHtml. */
    payload: jsonb('payload').$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('community_notifications_once_uq').on(t.memberId, t.dedupeKey),
    index('community_notifications_list_idx').on(t.memberId, t.createdAt, t.id),
    check('community_notifications_kind_ck', sql`${t.kind} in ('reply', 'mention', 'quote', 'event_reminder', 'welcome')`),
  ],
);

/** Digest emails sent, one row per member and period (`daily:2026-11-23`, `weekly:2026-W48`): never twice. */
export const communityDigestSends = pgTable(
  'community_digest_sends',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => communityMembers.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.period] })],
);
