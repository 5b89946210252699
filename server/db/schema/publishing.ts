import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ChannelLimits } from '../../../connectors/types';
import { users } from './identity';
import { workspaces } from './workspaces';

/** A connected account on a network. `auth` is sealed with SECRET_KEY and never leaves the server. */
export const channels = pgTable(
  'channels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    network: text('network').notNull(),
    name: text('name').notNull(),
    accountId: text('account_id').notNull(),
    accountHandle: text('account_handle').notNull(),
    authSealed: text('auth_sealed').notNull(),
    timeZone: text('time_zone').notNull().default('UTC'),
    /** Mantine colour name used on the calendar. */
    color: text('color').notNull().default('blue'),
    /** `disconnected`: removed by a user; kept (without credentials) so published history stays. */
    status: text('status').$type<'connected' | 'needs_reconnect' | 'disconnected'>().notNull().default('connected'),
    /** Health, for the channel view: the last failure the network reported (verbatim) and when. */
    lastError: text('last_error'),
    lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
    /** The network asked us to wait until then (rate limit); publishing and pulls hold until it. */
    rateLimitedUntil: timestamp('rate_limited_until', { withTimezone: true }),
    /** When the stored access token expires (refreshed before by the token job); null when it does not. */
    authExpiresAt: timestamp('auth_expires_at', { withTimezone: true }),
    lastOkAt: timestamp('last_ok_at', { withTimezone: true }),
    /** This account's own limits where they differ from the network's (a Mastodon instance's), read at connect. */
    limits: jsonb('limits').$type<ChannelLimits>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('channels_workspace_idx').on(t.workspaceId), uniqueIndex('channels_account_uq').on(t.workspaceId, t.network, t.accountId)],
);

/** One row per workspace; absent means the defaults (no approval required, not paused). */
export const publishingSettings = pgTable('publishing_settings', {
  workspaceId: uuid('workspace_id').primaryKey().references(() => workspaces.id, { onDelete: 'cascade' }),
  approvalRequired: boolean('approval_required').notNull().default(false),
  approverRoles: text('approver_roles').array().notNull().default(['owner', 'marketing_manager', 'client']),
  paused: boolean('publishing_paused').notNull().default(false),
  pausedAt: timestamp('paused_at', { withTimezone: true }),
  pausedBy: uuid('paused_by').references(() => users.id, { onDelete: 'set null' }),
});

export type PostStatus = 'draft' | 'in_review' | 'approved' | 'scheduled' | 'publishing' | 'published' | 'failed' | 'unknown' | 'cancelled';
/** `handed_over`: the network holds the post to publish it by itself at its time (native scheduling); `remoteRefs[0]` is the network's scheduled post. */
export type TargetState = 'pending' | 'publishing' | 'handed_over' | 'published' | 'failed' | 'unknown' | 'cancelled';
export interface PostPart {
  text: string;
  media: { assetId: string }[];
}

/** Campaigns group posts on the calendar (filter, colour) and, later, in analytics. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    color: text('color').notNull().default('grape'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('campaigns_name_uq').on(t.workspaceId, t.name), index('campaigns_workspace_idx').on(t.workspaceId)],
);

export interface LinkPreview {
  url: string;
  title: string;
  description: string;
  imageUrl?: string;
  /** og:site_name, when the page names its site. */
  siteName?: string;
}

export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    /** Base media, inherited by variants that were not edited. */
    media: jsonb('media').$type<PostPart['media']>().notNull().default([]),
    /** Published as a reply right after the post, where the network supports it. */
    firstComment: text('first_comment'),
    /** The card of the first link in the text, fetched when the post is saved. */
    linkPreview: jsonb('link_preview').$type<LinkPreview>(),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    status: text('status').$type<PostStatus>().notNull().default('draft'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('posts_workspace_time_idx').on(t.workspaceId, t.scheduledAt), index('posts_workspace_status_idx').on(t.workspaceId, t.status)],
);

/** What goes to one channel: its own parts (a thread has several), or the base text when `inherit`. */
export const postVariants = pgTable(
  'post_variants',
  {
    postId: uuid('post_id').notNull().references(() => posts.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id').notNull().references(() => channels.id, { onDelete: 'cascade' }),
    inherit: boolean('inherit').notNull().default(true),
    parts: jsonb('parts').$type<PostPart[]>().notNull().default([]),
    /** Overrides the base first comment for this channel; '' means none. */
    firstComment: text('first_comment'),
    /** Network-specific options the connector declares (e.g. reply controls, content labels). */
    options: jsonb('options').$type<Record<string, string | boolean>>().notNull().default({}),
  },
  (t) => [uniqueIndex('post_variants_uq').on(t.postId, t.channelId)],
);

/** The publishing state of one post on one channel; `remoteRefs[i]` is part i as published. */
export const postTargets = pgTable(
  'post_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    postId: uuid('post_id').notNull().references(() => posts.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id').notNull().references(() => channels.id, { onDelete: 'cascade' }),
    state: text('state').$type<TargetState>().notNull().default('pending'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    remoteRefs: jsonb('remote_refs').$type<{ id: string; url?: string; meta?: Record<string, string> }[]>().notNull().default([]),
    nextPart: integer('next_part').notNull().default(0),
    /** A worker holds the target while it talks to the network; an expired lease means that worker died. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastError: text('last_error'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('post_targets_uq').on(t.postId, t.channelId), index('post_targets_due_idx').on(t.workspaceId, t.state, t.dueAt), index('post_targets_channel_idx').on(t.channelId, t.state)],
);

/**
 * Every call to a network. The row is written with outcome 'unknown' before the call (intent) and
 * its outcome is set once afterwards; a trigger (migration 0003) refuses any other change and deletes.
 */
export const publishAttempts = pgTable(
  'publish_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid('workspace_id').notNull(),
    targetId: uuid('target_id').notNull(),
    partIndex: integer('part_index').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    worker: text('worker').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
    outcome: text('outcome').$type<'unknown' | 'success' | 'error' | 'reconciled'>().notNull().default('unknown'),
    errorKind: text('error_kind'),
    message: text('message'),
    remoteId: text('remote_id'),
    /** What was sent, summarised (text length, media count, reply or not) — never the credentials. */
    request: jsonb('request').$type<Record<string, string | number | boolean>>(),
    durationMs: integer('duration_ms'),
  },
  (t) => [index('publish_attempts_target_idx').on(t.targetId, t.id)],
);

/** Points spent per channel, summed over each quota's rolling window before every publish. */
export const quotaLedger = pgTable(
  'quota_ledger',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    channelId: uuid('channel_id').notNull().references(() => channels.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    cost: integer('cost').notNull(),
  },
  (t) => [index('quota_ledger_channel_idx').on(t.channelId, t.at)],
);
