import { integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity';
import { channels } from './publishing';
import { workspaces } from './workspaces';

/** A recurring queue slot of a channel: ISO weekday (1 = Monday) and minute of the day, in the channel's time zone. */
export const channelSlots = pgTable(
  'channel_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id').notNull().references(() => channels.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    minuteOfDay: integer('minute_of_day').notNull(),
  },
  (t) => [uniqueIndex('channel_slots_uq').on(t.channelId, t.weekday, t.minuteOfDay)],
);

/** A user's secret iCalendar feed of one workspace's calendar; only the token's hash is stored. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('calendar_feeds_user_uq').on(t.workspaceId, t.userId), uniqueIndex('calendar_feeds_token_uq').on(t.tokenHash)],
);

