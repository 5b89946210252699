import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity';
import { inboxConversations, inboxPeople } from './inbox';
import { channels, postTargets, posts } from './publishing';
import { workspaces } from './workspaces';

/**
 * Comments, replies, mentions, quotes and direct messages pulled from (or pushed by) a network,
 * normalized. Unique by channel, kind and the network's id: pulling an item twice changes nothing.
 * The inbox reads these.
 */
export const inboundItems = pgTable(
  'inbound_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id').notNull().references(() => channels.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'comment' | 'reply' | 'mention' | 'quote' | 'message'>().notNull(),
    networkId: text('network_id').notNull(),
    authorId: text('author_id').notNull(),
    authorHandle: text('author_handle').notNull(),
    authorName: text('author_name'),
    authorAvatarUrl: text('author_avatar_url'),
    authorUrl: text('author_url'),
    text: text('text').notNull(),
    language: text('language'),
    parentId: text('parent_id'),
    rootId: text('root_id'),
    conversationId: text('conversation_id'),
    url: text('url'),
    meta: jsonb('meta').$type<Record<string, string>>().notNull().default({}),
    /** Our published target the item sits under, when its root is one of our posts. */
    targetId: uuid('target_id').references(() => postTargets.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when we hid or deleted it on the network. */
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    moderation: text('moderation').$type<'hidden' | 'deleted'>(),
    // Language intelligence (nlp/) computed when the item is stored; null for items stored before it.
    detectedLanguage: text('detected_language'),
    sentiment: text('sentiment').$type<'negative' | 'neutral' | 'positive'>(),
    sentimentScores: jsonb('sentiment_scores').$type<{ negative: number; neutral: number; positive: number }>(),
    toxicity: real('toxicity'),
    toxicityLabel: text('toxicity_label').$type<'ok' | 'offensive' | 'hate'>(),
    toxicityReasons: jsonb('toxicity_reasons').$type<string[]>(),
    // The inbox (server/modules/inbox) groups each item on arrival; null until grouped (backfill job).
    inboxConversationId: uuid('inbox_conversation_id').references(() => inboxConversations.id, { onDelete: 'set null' }),
    personId: uuid('person_id').references(() => inboxPeople.id, { onDelete: 'set null' }),
    needsReply: boolean('needs_reply'),
  },
  (t) => [
    uniqueIndex('inbound_items_network_uq').on(t.channelId, t.kind, t.networkId),
    index('inbound_items_workspace_created_idx').on(t.workspaceId, t.createdAt),
    // Only items stored before analysis existed: the backfill job finds them without a scan.
    index('inbound_items_unanalysed_idx').on(t.receivedAt).where(sql`${t.sentiment} is null`),
    index('inbound_items_conversation_idx').on(t.inboxConversationId, t.createdAt),
    index('inbound_items_ungrouped_idx').on(t.receivedAt).where(sql`${t.inboxConversationId} is null`),
  ],
);

/** Per channel: where the last pull stopped (the network's cursor) and when each job last ran. */
export const channelSync = pgTable('channel_sync', {
  channelId: uuid('channel_id').primaryKey().references(() => channels.id, { onDelete: 'cascade' }),
  inboundCursor: text('inbound_cursor'),
  inboundPulledAt: timestamp('inbound_pulled_at', { withTimezone: true }),
  metricsCollectedAt: timestamp('metrics_collected_at', { withTimezone: true }),
});

/** Time series of a channel's counters (followers…), raw network names kept in `raw`. */
export const channelMetricSamples = pgTable(
  'channel_metric_samples',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id').notNull().references(() => channels.id, { onDelete: 'cascade' }),
    followers: integer('followers').notNull(),
    following: integer('following'),
    posts: integer('posts'),
    raw: jsonb('raw').$type<Record<string, number>>().notNull().default({}),
    collectedAt: timestamp('collected_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('channel_metric_samples_channel_idx').on(t.channelId, t.collectedAt)],
);

/** Time series of a published post's counters; `post_metrics` keeps the latest for quick reads. */
export const postMetricSamples = pgTable(
  'post_metric_samples',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    targetId: uuid('target_id').notNull().references(() => postTargets.id, { onDelete: 'cascade' }),
    counters: jsonb('counters').$type<Record<string, number>>().notNull(),
    raw: jsonb('raw').$type<Record<string, number>>().notNull().default({}),
    collectedAt: timestamp('collected_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('post_metric_samples_target_idx').on(t.targetId, t.collectedAt)],
);

/** An OAuth flow in progress: the state we sent, the PKCE verifier, who started it. Short-lived, used once. */
export const oauthStates = pgTable('oauth_states', {
  stateHash: text('state_hash').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  network: text('network').notNull(),
  codeVerifierSealed: text('code_verifier_sealed'),
  /** Instance-based networks: the server the user chose. */
  baseUrl: text('base_url'),
  /** A channel being reconnected, or null for a new one. */
  channelId: uuid('channel_id').references(() => channels.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/**
 * OAuth apps Tandem registered itself on one server of an instance-based network (Mastodon's
 * POST /api/v1/apps), one per network, server and redirect URI; the secret sealed like channel auth.
 */
export const oauthApps = pgTable(
  'oauth_apps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    network: text('network').notNull(),
    /** The server's origin, e.g. https://mastodon.social. */
    server: text('server').notNull(),
    redirectUri: text('redirect_uri').notNull(),
    clientId: text('client_id').notNull(),
    clientSecretSealed: text('client_secret_sealed').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('oauth_apps_uq').on(t.network, t.server, t.redirectUri)],
);

/** RSS/Atom feeds whose new items become draft posts (curation, C6). */
export const feeds = pgTable(
  'feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    title: text('title').notNull(),
    /** Channels the drafts are prepared for. */
    channelIds: uuid('channel_ids').array().notNull().default([]),
    etag: text('etag'),
    lastModified: text('last_modified'),
    lastFetchedAt: timestamp('last_fetched_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('feeds_url_uq').on(t.workspaceId, t.url)],
);

/** A feed item seen once: its draft post, so an item never makes two drafts. */
export const feedItems = pgTable(
  'feed_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    feedId: uuid('feed_id').notNull().references(() => feeds.id, { onDelete: 'cascade' }),
    guid: text('guid').notNull(),
    postId: uuid('post_id').references(() => posts.id, { onDelete: 'set null' }),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('feed_items_guid_uq').on(t.feedId, t.guid)],
);
