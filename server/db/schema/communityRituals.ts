import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity';
import { workspaces } from './workspaces';
import { communitySpaces, communityThreads } from './community';

/**
 * A ritual: a thread (optionally carrying an event) posted by a job on an RFC 5545 rule, in wall-clock
 * time of an IANA zone (see docs/adr/0009-rituals-rrule.md). Posted as staff by `createdBy`.
 */
export const communityRituals = pgTable(
  'community_rituals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => communitySpaces.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'thread' | 'event'>().notNull(),
    titleTemplate: text('title_template').notNull(),
    bodyTemplate: text('body_template').notNull(),
    /** The RRULE value without DTSTART, like FREQ=WEEKLY;BYDAY=FR. */
    rrule: text('rrule').notNull(),
    timeZone: text('time_zone').notNull(),
    /** Wall-clock time of day of each occurrence, HH:mm. */
    startTime: text('start_time').notNull(),
    /** The first day the rule may fall on, yyyy-MM-dd in the ritual's zone. */
    startsOn: text('starts_on').notNull(),
    /** The thread goes up this many hours before the occurrence (an event is announced ahead). */
    leadHours: integer('lead_hours').notNull().default(0),
    eventDurationMinutes: integer('event_duration_minutes'),
    eventPlace: text('event_place'),
    eventOnlineUrl: text('event_online_url'),
    eventCapacity: integer('event_capacity'),
    active: boolean('active').notNull().default(true),
    /** The team user the ritual's threads are posted as (staff badge). */
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** The next occurrence still to post; null when paused or when the rule has ended. */
    nextOccurrenceAt: timestamp('next_occurrence_at', { withTimezone: true }),
    lastOccurrenceAt: timestamp('last_occurrence_at', { withTimezone: true }),
    /** Why the last due occurrence could not be posted (for the team to fix); cleared on success. */
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('community_rituals_ws_idx').on(t.workspaceId, t.createdAt),
    index('community_rituals_due_idx').on(t.nextOccurrenceAt).where(sql`${t.active}`),
    check('community_rituals_kind_ck', sql`${t.kind} in ('thread', 'event')`),
    check('community_rituals_event_ck', sql`${t.kind} = 'thread' or ${t.eventDurationMinutes} is not null`),
  ],
);

/** One row per posted occurrence: the unique index is what makes the job idempotent. */
export const communityRitualOccurrences = pgTable(
  'community_ritual_occurrences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    ritualId: uuid('ritual_id')
      .notNull()
      .references(() => communityRituals.id, { onDelete: 'cascade' }),
    occursAt: timestamp('occurs_at', { withTimezone: true }).notNull(),
    threadId: uuid('thread_id').references(() => communityThreads.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('community_ritual_occurrences_uq').on(t.ritualId, t.occursAt)],
);
