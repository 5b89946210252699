import { integer, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { channels, postTargets } from './publishing';
import { workspaces } from './workspaces';

/** The latest engagement counts of a published target, refreshed from the network. */
export const postMetrics = pgTable('post_metrics', {
  targetId: uuid('target_id').primaryKey().references(() => postTargets.id, { onDelete: 'cascade' }),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  channelId: uuid('channel_id').notNull().references(() => channels.id, { onDelete: 'cascade' }),
  likes: integer('likes').notNull().default(0),
  reposts: integer('reposts').notNull().default(0),
  replies: integer('replies').notNull().default(0),
  quotes: integer('quotes').notNull().default(0),
  impressions: integer('impressions'),
  collectedAt: timestamp('collected_at', { withTimezone: true }).notNull().defaultNow(),
});
