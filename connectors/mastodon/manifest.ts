import type { ChannelCapabilities } from '../types';

/**
 * Mastodon's limits as data. Every instance sets its own: `connect` reads them from
 * GET /api/v2/instance and returns them as the channel's limits (see limits.ts). The numbers here
 * are the defaults, those of mastodon.social as documented (docs.joinmastodon.org/methods/instance#v2,
 * PLATFORMS.md §1 and §3):
 * - text: `configuration.statuses.max_characters` 500, counted as Mastodon does (shared/text
 *   'mastodon' unit: every URL counts `characters_reserved_per_url` = 23, `@user@domain` counts as
 *   `@user`). The content warning counts too: Mastodon adds it to the text's length.
 * - media: `max_media_attachments` 4; images ≤ `image_size_limit` 10,485,760 B, videos ≤
 *   `video_size_limit` 41,943,040 B, alt text ≤ `description_limit` 1,500. Mastodon refuses a video
 *   with other attachments (422, passed on verbatim); MediaRules cannot say so.
 * - native scheduling: `scheduled_at` at least 5 minutes ahead; 300 scheduled at once, 25 per day.
 * - rate limits (docs.joinmastodon.org/api/rate-limits): 300 requests per 5 minutes per account for
 *   everything (a post with media costs one request per file, per processing check, plus one);
 *   deletions 30 per 30 minutes; media uploads 30 per 30 minutes (no quota action for uploads yet).
 *
 * Features:
 * - replies to our posts, mentions and private mentions all arrive as `mention` notifications, so
 *   `pullInbound` reads comments, mentions and messages (a `direct` status is a message).
 * - hideComments/deleteComments: false. Mastodon gives an author no moderation of replies to their
 *   posts: a reply lives on its author's instance, and the API only lets us delete our own statuses
 *   (reporting, muting and blocking act on accounts, not on a reply under our post).
 * - webhooks: false. Mastodon's webhooks are for instance administrators only; a user's token can
 *   subscribe to Web Push, which needs a push endpoint and decryption we do not run.
 */
const MINUTE = 60;

export const mastodonCapabilities: ChannelCapabilities = {
  network: 'mastodon',
  displayName: 'Mastodon',
  auth: 'access_token',
  // Or sign in on the instance: Tandem registers itself there as an app the first time someone
  // connects from it (POST /api/v1/apps), kept per instance. The endpoints are mastodon.social's;
  // the instance typed in the connect form replaces the origin.
  oauth: { authorizeUrl: 'https://mastodon.social/oauth/authorize', tokenUrl: 'https://mastodon.social/oauth/token', scopes: ['read', 'write'], pkce: false, dynamicRegistration: true },
  features: {
    readComments: true,
    readMentions: true,
    readMessages: true,
    reply: true,
    hideComments: false,
    deleteComments: false,
    postMetrics: true,
    followerCounts: true,
    webhooks: false,
  },
  text: [{ unit: 'mastodon', max: 500, urlLength: 23 }],
  media: {
    maxItems: 4,
    imageTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/heic', 'image/heif', 'image/webp'],
    imageMaxBytes: 10_485_760,
    videoTypes: ['video/webm', 'video/mp4', 'video/quicktime', 'video/ogg'],
    videoMaxBytes: 41_943_040,
    altTextRequired: false,
    altTextMax: 1500,
  },
  threads: true,
  // A first comment is published as a reply to the post.
  firstComment: true,
  nativeScheduling: true,
  // scheduled_at must be at least 5 minutes ahead; Mastodon documents no upper bound (an account holds
  // at most 300 scheduled posts, 25 per day): a year is ours.
  nativeSchedulingWindow: { minLeadSeconds: 300, maxLeadSeconds: 365 * 86_400 },
  options: [
    // Who sees the post. `direct` is left out: a post that only its mentioned accounts see is a message.
    { key: 'visibility', kind: 'select', choices: ['public', 'unlisted', 'private'], default: 'public' },
    // The status's `language` (ISO 639-1), which readers' language filters use; 'auto' leaves it to the
    // account's default.
    { key: 'language', kind: 'select', choices: ['auto', 'en', 'it', 'es', 'fr', 'de', 'pt', 'ja'], default: 'auto' },
    // Mastodon's content warning (`spoiler_text`) is free text, which NetworkOption cannot carry:
    // 'firstLine' sends the post's first line as the warning and the rest as the hidden text, so the
    // user writes the warning in their own words and language, and the count stays the same.
    { key: 'contentWarning', kind: 'select', choices: ['none', 'firstLine'], default: 'none' },
    // `sensitive`: media are blurred until the reader clicks.
    { key: 'sensitive', kind: 'boolean', default: false },
  ],
  connectFields: [
    { key: 'instance', kind: 'url', required: true },
    { key: 'accessToken', kind: 'password', required: true },
  ],
  quotas: [
    { windowSeconds: 5 * MINUTE, limit: 300, cost: 1, action: 'create' },
    { windowSeconds: 30 * MINUTE, limit: 30, cost: 1, action: 'delete' },
  ],
};
