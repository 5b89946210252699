import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { communityMembers, communityPosts } from './community';
import { users } from './identity';
import { workspaces } from './workspaces';

/**
 * A member's report of a post (one per member and post). `status` moves from pending to agreed
 * (the post was hidden) or disagreed (dismissed) when a moderator resolves the post's open flags;
 * a later review queue can score these rows as Discourse's reviewable_scores.
 */
export const communityFlags = pgTable(
  'community_flags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    postId: uuid('post_id')
      .notNull()
      .references(() => communityPosts.id, { onDelete: 'cascade' }),
    flaggerMemberId: uuid('flagger_member_id')
      .notNull()
      .references(() => communityMembers.id, { onDelete: 'cascade' }),
    reason: text('reason').$type<'spam' | 'inappropriate' | 'off_topic' | 'illegal' | 'something_else'>().notNull(),
    message: text('message'),
    status: text('status').$type<'pending' | 'agreed' | 'disagreed'>().notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedByUserId: uuid('resolved_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('community_flags_member_post_uq').on(t.postId, t.flaggerMemberId),
    index('community_flags_open_idx').on(t.workspaceId, t.createdAt).where(sql`${t.status} = 'pending'`),
    check('community_flags_reason_ck', sql`${t.reason} in ('spam', 'inappropriate', 'off_topic', 'illegal', 'something_else')`),
    check('community_flags_status_ck', sql`${t.status} in ('pending', 'agreed', 'disagreed')`),
  ],
);

/**
 * Silences, kept as history (a later penalty escalation counts them). A member is silenced while a
 * row is not lifted and its end (null = until lifted) is ahead.
 */
export const communitySilences = pgTable(
  'community_silences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => communityMembers.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull().defaultNow(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    silencedByUserId: uuid('silenced_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftedByUserId: uuid('lifted_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('community_silences_member_idx').on(t.workspaceId, t.memberId)],
);

/** A member who no longer wants to see another member's posts (nor be replied to or mentioned by them). */
export const communityBlocks = pgTable(
  'community_blocks',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    blockerMemberId: uuid('blocker_member_id')
      .notNull()
      .references(() => communityMembers.id, { onDelete: 'cascade' }),
    blockedMemberId: uuid('blocked_member_id')
      .notNull()
      .references(() => communityMembers.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.blockerMemberId, t.blockedMemberId] }),
    index('community_blocks_blocked_idx').on(t.blockedMemberId),
    check('community_blocks_self_ck', sql`${t.blockerMemberId} <> ${t.blockedMemberId}`),
  ],
);
