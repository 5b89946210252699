import { z } from 'zod';
import { ROLES } from '../roles';
import { Id } from './common';

export const ChannelStatus = z.enum(['connected', 'needs_reconnect', 'disconnected']);
const TextRules = z.array(z.object({ unit: z.enum(['graphemes', 'utf8Bytes', 'utf16', 'twitterWeighted', 'mastodon']), max: z.number(), urlLength: z.number().optional() }));
/** What media a network (or one account on it) takes. */
export const MediaRules = z.object({
  maxItems: z.number(),
  imageTypes: z.array(z.string()),
  imageMaxBytes: z.number(),
  videoTypes: z.array(z.string()),
  videoMaxBytes: z.number(),
  videoMaxDurationSeconds: z.number().optional(),
  altTextRequired: z.boolean(),
  altTextMax: z.number().optional(),
  aspectRatio: z.object({ min: z.number(), max: z.number() }).optional(),
});
export const Channel = z.object({
  id: Id,
  network: z.string(),
  name: z.string(),
  accountId: z.string(),
  accountHandle: z.string(),
  timeZone: z.string(),
  /** Mantine colour name for the calendar. */
  color: z.string(),
  status: ChannelStatus,
  /** The text limits of this account (all must pass: its own where its server has some, else the network's), for the composer's live counters. */
  textRules: TextRules,
  /** The media this account takes (its own limits over the network's). */
  media: MediaRules.optional(),
  /** Health: the last failure the network reported, verbatim, and when. */
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  /** The network asked us to wait until then; publishing and pulls hold until it. */
  rateLimitedUntil: z.string().nullable(),
  /** When the stored sign-in expires (Tandem renews it before); null when it does not expire. */
  authExpiresAt: z.string().nullable(),
  /** The last time the network answered a call of ours. */
  lastOkAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Channel = z.infer<typeof Channel>;

export const CreateChannelBody = z.strictObject({
  network: z.string().trim().min(1).max(40),
  credentials: z.record(z.string().max(100), z.string().max(4000)),
  name: z.string().trim().min(1).max(80).optional(),
  timeZone: z.string().max(64).optional(),
});

export const ReconnectChannelBody = z.strictObject({ credentials: CreateChannelBody.shape.credentials });

/** Disconnecting a channel with planned posts: cancel them on it, or move them to `moveTo`. */
export const DeleteChannelQuery = z
  .strictObject({ scheduledPosts: z.enum(['cancel', 'move']).optional(), moveTo: Id.optional() })
  .refine((q) => q.scheduledPosts !== 'move' || q.moveTo, { message: 'Name the channel to move the posts to (moveTo).', path: ['moveTo'] });

export const POST_STATUSES = ['draft', 'in_review', 'approved', 'scheduled', 'publishing', 'published', 'failed', 'unknown', 'cancelled'] as const;
export const PostStatus = z.enum(POST_STATUSES);
export const TARGET_STATES = ['pending', 'publishing', 'handed_over', 'published', 'failed', 'unknown', 'cancelled'] as const;

const PostText = z.string().max(10_000);
export const MediaRef = z.strictObject({ assetId: Id });
export const PostPart = z.strictObject({ text: PostText, media: z.array(MediaRef).max(10).default([]) });
const FirstComment = z.string().max(10_000);
/** Per-network options a connector declares (see GET /api/networks). */
export const VariantOptions = z.record(z.string().max(40), z.union([z.string().max(200), z.boolean()]));
export const VariantInput = z.strictObject({
  /** The channel's own text and media (several parts = a thread); absent: the base is used. */
  parts: z.array(PostPart).min(1, 'A variant needs at least one part.').max(25).optional(),
  /** Replaces the base first comment on this channel; '' means none here. Absent: inherit. */
  firstComment: FirstComment.nullable().optional(),
  options: VariantOptions.optional(),
});
export const IsoDate = z.iso.datetime({ offset: true });

export const CreatePostBody = z.strictObject({
  text: PostText,
  media: z.array(MediaRef).max(10).optional(),
  firstComment: FirstComment.nullable().optional(),
  campaignId: Id.nullable().optional(),
  channelIds: z.array(Id).min(1, 'Pick at least one channel.').max(50),
  /** Per-channel text; channels not named here inherit the base text. */
  variants: z.record(Id, VariantInput).optional(),
  scheduledAt: IsoDate.optional(),
});
export const UpdatePostBody = z.strictObject({
  /** The version you edited; a different current version means someone else changed the post. */
  version: z.number().int().min(1).optional(),
  text: PostText.optional(),
  media: z.array(MediaRef).max(10).optional(),
  firstComment: FirstComment.nullable().optional(),
  campaignId: Id.nullable().optional(),
  channelIds: z.array(Id).min(1).max(50).optional(),
  variants: z.record(Id, VariantInput.nullable()).optional(),
  scheduledAt: IsoDate.nullable().optional(),
});
export const ScheduleBody = z.strictObject({ scheduledAt: IsoDate });
export const RequestChangesBody = z.strictObject({ reason: z.string().trim().min(1, 'Say what should change.').max(2000) });
export const ListPostsQuery = z.strictObject({
  status: PostStatus.optional(),
  channelId: Id.optional(),
  campaignId: Id.optional(),
  authorId: Id.optional(),
  /** Planned at or after this instant (the calendar's visible range). */
  from: IsoDate.optional(),
  /** Planned at or before this instant. */
  to: IsoDate.optional(),
  /** Page size (default and most: 500). */
  limit: z.coerce.number().int().min(1, 'Ask for at least one post.').max(500, 'Ask for at most 500 posts at a time; page with `before`.').optional(),
  /** Cursor: the id of the last post of the previous page; the page continues after it in the list order. */
  before: Id.optional(),
});

const PartOut = z.object({ text: z.string(), media: z.array(z.object({ assetId: z.string() })) });
export const Variant = z.object({
  channelId: Id,
  inherit: z.boolean(),
  /** As published: the base text and media when `inherit`. */
  parts: z.array(PartOut),
  /** The first comment on this channel after inheritance; null = none. */
  firstComment: z.string().nullable(),
  /** The channel's own first comment as set ('' = none here); null = it uses the base one. */
  ownFirstComment: z.string().nullable(),
  options: z.record(z.string(), z.union([z.string(), z.boolean()])),
});
export const LinkPreview = z.object({ url: z.string(), title: z.string(), description: z.string(), imageUrl: z.string().optional() });
export const Target = z.object({
  id: Id,
  channelId: Id,
  state: z.enum(TARGET_STATES),
  dueAt: z.string(),
  nextPart: z.number(),
  remoteRefs: z.array(z.object({ id: z.string(), url: z.string().optional() })),
  lastError: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export const Post = z.object({
  id: Id,
  authorId: Id.nullable(),
  text: z.string(),
  media: z.array(z.object({ assetId: z.string() })),
  firstComment: z.string().nullable(),
  linkPreview: LinkPreview.nullable(),
  campaignId: Id.nullable(),
  status: PostStatus,
  scheduledAt: z.string().nullable(),
  approvedBy: Id.nullable(),
  version: z.number(),
  variants: z.array(Variant),
  targets: z.array(Target),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Post = z.infer<typeof Post>;

export const Attempt = z.object({
  id: z.number(),
  targetId: Id,
  partIndex: z.number(),
  worker: z.string(),
  attemptedAt: z.string(),
  outcome: z.enum(['unknown', 'success', 'error', 'reconciled']),
  errorKind: z.string().nullable(),
  message: z.string().nullable(),
  remoteId: z.string().nullable(),
  /** What was sent, summarised (never credentials). */
  request: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).nullable(),
  durationMs: z.number().nullable(),
});

export const PublishingSettings = z.object({
  approvalRequired: z.boolean(),
  approverRoles: z.array(z.enum(ROLES)),
  paused: z.boolean(),
  pausedAt: z.string().nullable(),
  pausedBy: Id.nullable(),
});
export const UpdatePublishingSettingsBody = z.strictObject({
  approvalRequired: z.boolean().optional(),
  approverRoles: z.array(z.enum(ROLES)).min(1, 'Name at least one role that may approve.').optional(),
});

/** A post as it was at one version (content only: what "restore" puts back). */
export const Revision = z.object({
  version: z.number(),
  editedBy: Id.nullable(),
  createdAt: z.string(),
  text: z.string(),
  media: z.array(z.object({ assetId: z.string() })),
  firstComment: z.string().nullable(),
  campaignId: Id.nullable(),
  scheduledAt: z.string().nullable(),
  status: PostStatus,
  variants: z.array(z.object({ channelId: Id, inherit: z.boolean(), parts: z.array(PartOut), firstComment: z.string().nullable(), options: z.record(z.string(), z.union([z.string(), z.boolean()])) })),
});
export type Revision = z.infer<typeof Revision>;

/** What a network allows, for the composer (limits are data each connector declares). */
export const Network = z.object({
  network: z.string(),
  displayName: z.string(),
  text: Channel.shape.textRules,
  media: MediaRules,
  threads: z.boolean(),
  firstComment: z.boolean(),
  maxHashtags: z.number().optional(),
  options: z.array(z.union([z.object({ key: z.string(), kind: z.literal('boolean'), default: z.boolean() }), z.object({ key: z.string(), kind: z.literal('select'), choices: z.array(z.string()), default: z.string() })])),
  /** The fields a user types to connect an account (e.g. handle and app password); for OAuth networks, the server address of instance-based ones. */
  connectFields: z.array(z.object({ key: z.string(), kind: z.enum(['text', 'password', 'url']), required: z.boolean() })),
  auth: z.enum(['app_password', 'oauth2', 'oauth2_pkce', 'access_token', 'bot_token', 'webhook_url', 'hosted']).optional(),
  /** OAuth networks: whether this server has the network's app credentials; if not, the variables the operator must set. */
  oauth: z.object({ configured: z.boolean(), missing: z.array(z.string()) }).nullable().optional(),
  /** What the network lets Tandem do beyond publishing (inbox, moderation, metrics, webhooks). */
  features: z.record(z.string(), z.boolean()).optional(),
});
export type Network = z.infer<typeof Network>;
