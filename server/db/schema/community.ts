import { sql } from 'drizzle-orm';
import { type AnyPgColumn, bigint, boolean, check, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity';
import { workspaces } from './workspaces';

/** Postgres full-text document; written only through SQL (see community/search/searchVector.ts). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
export interface CommunityLinkPreview {
  url: string;
  title: string;
  description: string;
  imageUrl: string | null;
  siteName: string | null;
}

/** A workspace's community: it exists (and its public API answers) only once the team has set it up. */
export const communities = pgTable('communities', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  /** Markdown every member acknowledges before their first post; the rendered HTML beside it. */
  guidelines: text('guidelines').notNull().default(''),
  guidelinesHtml: text('guidelines_html').notNull().default(''),
  signupOpen: boolean('signup_open').notNull().default(true),
  /** Markdown sent to each new member as their `welcome` notification; empty sends none. */
  welcomeMessage: text('welcome_message').notNull().default(''),
  welcomeMessageHtml: text('welcome_message_html').notNull().default(''),
  /**
   * Limits for trust-level-0 members (Discourse's new-user defaults): threads and replies in any
   * 24 hours, and seconds between two threads / two replies. 0 turns a limit off.
   */
  newMemberThreadsPerDay: integer('new_member_threads_per_day').notNull().default(3),
  newMemberRepliesPerDay: integer('new_member_replies_per_day').notNull().default(10),
  newMemberSecondsBetweenThreads: integer('new_member_seconds_between_threads').notNull().default(120),
  newMemberSecondsBetweenReplies: integer('new_member_seconds_between_replies').notNull().default(30),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** People of the community: not team users, with their own accounts (an email may join several communities). */
export const communityMembers = pgTable(
  'community_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    /** Null for members brought in by an import: they cannot sign in until they set a password. */
    passwordHash: text('password_hash'),
    displayName: text('display_name').notNull(),
    /** What @mentions name: derived from the display name at sign-up, unique in the community, never changed. */
    handle: text('handle').notNull(),
    avatarUrl: text('avatar_url'),
    bio: text('bio').notNull().default(''),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    interests: text('interests').array().notNull().default(sql`'{}'::text[]`),
    /** Discourse-style TL0 (new) to TL4 (leader); promotion rules come with moderation. */
    trustLevel: integer('trust_level').notNull().default(0),
    guidelinesAcknowledgedAt: timestamp('guidelines_acknowledged_at', { withTimezone: true }),
    notificationPrefs: jsonb('notification_prefs').$type<Record<string, unknown>>().notNull().default({}),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('community_members_email_uq').on(t.workspaceId, t.email), uniqueIndex('community_members_handle_uq').on(t.workspaceId, t.handle), check('community_members_trust_ck', sql`${t.trustLevel} between 0 and 4`)],
);

export const communitySessions = pgTable(
  'community_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** sha256 of the cookie value; the value itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => communityMembers.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('community_sessions_token_uq').on(t.tokenHash), index('community_sessions_member_idx').on(t.memberId)],
);

/** Categories of the community. */
export const communitySpaces = pgTable(
  'community_spaces',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    description: text('description').notNull().default(''),
    guidelines: text('guidelines').notNull().default(''),
    guidelinesHtml: text('guidelines_html').notNull().default(''),
    defaultLanguage: text('default_language').notNull().default('en'),
    /** discussion, or qa: a thread's author or staff marks one reply as its accepted answer. */
    kind: text('kind').$type<'discussion' | 'qa'>().notNull().default('discussion'),
    /** public: anyone reads; members: signed-in members; private: invited members only. */
    visibility: text('visibility').$type<'public' | 'members' | 'private'>().notNull().default('public'),
    whoCanStart: text('who_can_start').$type<'members' | 'staff'>().notNull().default('members'),
    requireThreadApproval: boolean('require_thread_approval').notNull().default(false),
    requireReplyApproval: boolean('require_reply_approval').notNull().default(false),
    slowModeSeconds: integer('slow_mode_seconds').notNull().default(0),
    position: integer('position').notNull().default(0),
    /** Notify the team when a visible thread has had no reply for this many hours; null = off. */
    nudgeAfterHours: integer('nudge_after_hours'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('community_spaces_slug_uq').on(t.workspaceId, t.slug),
    check('community_spaces_kind_ck', sql`${t.kind} in ('discussion', 'qa')`),
    check('community_spaces_visibility_ck', sql`${t.visibility} in ('public', 'members', 'private')`),
    check('community_spaces_start_ck', sql`${t.whoCanStart} in ('members', 'staff')`),
    check('community_spaces_slow_ck', sql`${t.slowModeSeconds} >= 0`),
    check('community_spaces_nudge_ck', sql`${t.nudgeAfterHours} is null or ${t.nudgeAfterHours} between 1 and 720`),
  ],
);

/** Who may see a private space. */
export const communitySpaceInvites = pgTable(
  'community_space_invites',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => communitySpaces.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => communityMembers.id, { onDelete: 'cascade' }),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.spaceId, t.memberId] }), index('community_space_invites_member_idx').on(t.memberId)],
);

/** Named moderator personas staff may post as (the team still sees who wrote each post). */
export const communityPersonas = pgTable(
  'community_personas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    avatarUrl: text('avatar_url'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Retired personas keep their name on old posts but cannot be chosen for new ones. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('community_personas_name_uq').on(t.workspaceId, sql`lower(${t.name})`).where(sql`${t.archivedAt} is null`)],
);

/**
 * A thread: its title and state; its text is its opening post. Authored by a member or, for the
 * staff badge, by a team user (exactly one of the two is set).
 */
export const communityThreads = pgTable(
  'community_threads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => communitySpaces.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    authorMemberId: uuid('author_member_id').references(() => communityMembers.id, { onDelete: 'set null' }),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** A staff author may post as a named persona (shown instead of their name). */
    personaId: uuid('persona_id').references(() => communityPersonas.id),
    /** published, or pending while a space's approval switch holds it. */
    state: text('state').$type<'published' | 'pending'>().notNull().default('published'),
    /** Q&A spaces: the reply accepted as the answer (solved when set). */
    acceptedPostId: uuid('accepted_post_id').references((): AnyPgColumn => communityPosts.id, { onDelete: 'set null' }),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastPostedAt: timestamp('last_posted_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** When the team was told this thread had no reply (the nudge goes out once per thread). */
    nudgedAt: timestamp('nudged_at', { withTimezone: true }),
    /** A moderator locked the thread: members' replies are refused until it is unlocked. */
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    lockedByUserId: uuid('locked_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Set with its opening post's hiddenAt: the thread leaves lists and is seen only by its author and staff. */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
  },
  (t) => [
    index('community_threads_space_idx').on(t.workspaceId, t.spaceId, t.lastPostedAt),
    // The nudge job looks only at threads not yet nudged.
    index('community_threads_unnudged_idx').on(t.spaceId, t.createdAt).where(sql`${t.nudgedAt} is null and ${t.deletedAt} is null`),
    check('community_threads_state_ck', sql`${t.state} in ('published', 'pending')`)],
);

/** The opening post and the flat replies of a thread, in order of `seq`. */
export const communityPosts = pgTable(
  'community_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: replies are listed by it (timestamps can tie inside a transaction). */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => communitySpaces.id, { onDelete: 'cascade' }),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => communityThreads.id, { onDelete: 'cascade' }),
    isOpening: boolean('is_opening').notNull().default(false),
    /** The post this one answers or quotes (same thread). */
    replyToId: uuid('reply_to_id'),
    authorMemberId: uuid('author_member_id').references(() => communityMembers.id, { onDelete: 'set null' }),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    personaId: uuid('persona_id').references(() => communityPersonas.id),
    bodySource: text('body_source').notNull(),
    /** Sanitized HTML rendered from bodySource on the server; the only form ever shown. */
    bodyHtml: text('body_html').notNull(),
    /** Cards of the bare links standing on their own line, fetched by a job after the post is saved. */
    linkPreviews: jsonb('link_previews').$type<CommunityLinkPreview[]>().notNull().default([]),
    state: text('state').$type<'published' | 'pending'>().notNull().default('published'),
    version: integer('version').notNull().default(1),
    /** Language the post is written in (detected on write, else the space's default): picks its text search configuration. */
    language: text('language').notNull().default('other'),
    /** Title (opening posts) and body, in the language's configuration; maintained on every write. */
    searchVector: tsvector('search_vector'),
    /** Net votes carried over from an imported site (up minus down); 0 for posts written here. */
    score: integer('score').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** Hidden by a moderator: members see a placeholder; staff and the author see the words. */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenByUserId: uuid('hidden_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    /**
     * Set when Tandem's publisher or inbox wrote the post (the community as a channel): the key the
     * write was made under, so a retry after an unknown outcome finds the post instead of doubling it.
     */
    idempotencyKey: text('idempotency_key'),
  },
  (t) => [
    uniqueIndex('community_posts_key_uq').on(t.workspaceId, t.idempotencyKey),
    index('community_posts_thread_idx').on(t.workspaceId, t.threadId, t.seq),
    // Slow mode reads a member's latest post in a space.
    index('community_posts_member_idx').on(t.authorMemberId, t.spaceId, t.createdAt),
    index('community_posts_search_idx').using('gin', t.searchVector),
    check('community_posts_state_ck', sql`${t.state} in ('published', 'pending')`),
  ],
);

/** Every version of a post as written (version 1 included); never changed afterwards. */
export const communityPostRevisions = pgTable(
  'community_post_revisions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    postId: uuid('post_id')
      .notNull()
      .references(() => communityPosts.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** The thread's title at this version, for opening posts. */
    title: text('title'),
    bodySource: text('body_source').notNull(),
    editedByMemberId: uuid('edited_by_member_id').references(() => communityMembers.id, { onDelete: 'set null' }),
    editedByUserId: uuid('edited_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('community_post_revisions_uq').on(t.postId, t.version)],
);

/** A member's reaction to a post, from the small fixed set in shared/contracts/community.ts. */
export const communityReactions = pgTable(
  'community_reactions',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    postId: uuid('post_id')
      .notNull()
      .references(() => communityPosts.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => communityMembers.id, { onDelete: 'cascade' }),
    reaction: text('reaction').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.memberId, t.reaction] })],
);

/** Threads a member saved for later. */
export const communityBookmarks = pgTable(
  'community_bookmarks',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => communityThreads.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => communityMembers.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.memberId] }), index('community_bookmarks_member_idx').on(t.memberId, t.createdAt)],
);

/** Threads a member follows (notifications, a later slice, read this); starting or replying follows. */
export const communityFollows = pgTable(
  'community_follows',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => communityThreads.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => communityMembers.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.memberId] }), index('community_follows_member_idx').on(t.memberId)],
);
