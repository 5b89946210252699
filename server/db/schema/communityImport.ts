import { index, pgTable, primaryKey, text, timestamp, uuid, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { communityMembers } from './community';
import { workspaces } from './workspaces';

/**
 * Rows brought in from another site (a Stack Exchange dump): the key (source, site, kind, id)
 * is unique per workspace, so importing the same dump again adds nothing twice.
 */
export const communityExternalIds = pgTable(
  'community_external_ids',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** e.g. stackexchange */
    source: text('source').notNull(),
    /** e.g. bicycles.meta.stackexchange.com */
    site: text('site').notNull(),
    /** user, post, comment, badge */
    kind: text('kind').notNull(),
    externalId: text('external_id').notNull(),
    /** The member, post or badge row made from it (a thread's opening post for questions). */
    localId: uuid('local_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.source, t.site, t.kind, t.externalId] })],
);

/** Badges shown on a member's profile (imported ones today; earned ones later). */
export const communityMemberBadges = pgTable(
  'community_member_badges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => communityMembers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tier: text('tier').$type<'gold' | 'silver' | 'bronze'>().notNull(),
    awardedAt: timestamp('awarded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('community_member_badges_member_idx').on(t.workspaceId, t.memberId), check('community_member_badges_tier_ck', sql`${t.tier} in ('gold', 'silver', 'bronze')`)],
);
