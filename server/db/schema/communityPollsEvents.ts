import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity';
import { workspaces } from './workspaces';
import { communityMembers, communityThreads } from './community';

/** A poll carried by a thread (at most one per thread). */
export const communityPolls = pgTable(
  'community_polls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => communityThreads.id, { onDelete: 'cascade' }),
    question: text('question').notNull(),
    kind: text('kind').$type<'single' | 'multiple' | 'ranked'>().notNull(),
    /** Multiple choice only: how many options a ballot may tick. */
    maxChoices: integer('max_choices'),
    resultsVisibility: text('results_visibility').$type<'always' | 'after_vote' | 'after_close' | 'staff'>().notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }),
    createdByMemberId: uuid('created_by_member_id').references(() => communityMembers.id, { onDelete: 'set null' }),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('community_polls_thread_uq').on(t.threadId),
    check('community_polls_kind_ck', sql`${t.kind} in ('single', 'multiple', 'ranked')`),
    check('community_polls_visibility_ck', sql`${t.resultsVisibility} in ('always', 'after_vote', 'after_close', 'staff')`),
  ],
);

/** The options of a poll, in the order they are shown. */
export const communityPollOptions = pgTable(
  'community_poll_options',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    pollId: uuid('poll_id')
      .notNull()
      .references(() => communityPolls.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    label: text('label').notNull(),
  },
  (t) => [uniqueIndex('community_poll_options_uq').on(t.pollId, t.position)],
);

/**
 * One ballot per member and poll (the unique index is what stops a double submission sent twice
 * at once). `choices` are option ids; for ranked polls in order of preference.
 */
export const communityPollBallots = pgTable(
  'community_poll_ballots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    pollId: uuid('poll_id')
      .notNull()
      .references(() => communityPolls.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => communityMembers.id, { onDelete: 'cascade' }),
    choices: uuid('choices').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('community_poll_ballots_uq').on(t.pollId, t.memberId)],
);

/** An event carried by a thread (at most one per thread); times are instants, the zone says how to show them. */
export const communityEvents = pgTable(
  'community_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => communityThreads.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** IANA zone, e.g. Europe/Rome. */
    timeZone: text('time_zone').notNull(),
    onlineUrl: text('online_url'),
    place: text('place'),
    /** Seats for "going"; null means no limit. */
    capacity: integer('capacity'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('community_events_thread_uq').on(t.threadId), check('community_events_time_ck', sql`${t.endsAt} > ${t.startsAt}`)],
);

/** A member's answer to an event: going, interested or not going (one row per member, changed in place). */
export const communityEventRsvps = pgTable(
  'community_event_rsvps',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => communityEvents.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => communityMembers.id, { onDelete: 'cascade' }),
    status: text('status').$type<'going' | 'interested' | 'not_going'>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.memberId] }),
    index('community_event_rsvps_status_idx').on(t.eventId, t.status),
    check('community_event_rsvps_status_ck', sql`${t.status} in ('going', 'interested', 'not_going')`),
  ],
);
