import type { ChannelCapabilities } from '../types';

/**
 * Bluesky's limits as data (docs/PLATFORMS.md, table 1 and §3; lexicons in @atproto/api 0.19.19).
 * - `app.bsky.feed.post.text`: maxGraphemes 300 and maxLength 3000 (UTF-8 bytes); both apply.
 * - `app.bsky.embed.images`: ≤4 images, blob maxSize 2,000,000 B, `alt` required with no length limit
 *   in the lexicon (so no `altTextMax`).
 * - `app.bsky.embed.video`: one `video/mp4` blob, maxSize 100,000,000 B (the lexicon of @atproto/api 0.19.19;
 *   PLATFORMS.md cites a newer 300,000,000 B) and up to 3 minutes (Bluesky's announcement, March 2025).
 *   The connector does not upload video yet (it needs Bluesky's video service), so it declares no video
 *   types: the media library and scheduling then refuse a video for Bluesky up front instead of at publish
 *   time. The limits above are what to declare once it does.
 * - Rate limits are points per DID: 5,000/hour and 35,000/day; create costs 3, delete costs 1.
 */
const HOUR = 3600;
const DAY = 86_400;

export const blueskyCapabilities: ChannelCapabilities = {
  network: 'bluesky',
  displayName: 'Bluesky',
  auth: 'app_password',
  features: {
    // Replies to our posts: notifications (reason reply) plus a walk of our posts' threads.
    readComments: true,
    // Mentions and quotes of the account (notifications, reasons mention and quote).
    readMentions: true,
    // Direct messages live in Bluesky's chat service (chat.bsky.*, reached through the PDS with a
    // service proxy header). It is not open source and @atproto/dev-env does not run it, so we have
    // no network to test against; not implemented.
    readMessages: false,
    reply: true,
    // A reply: threadgate hiddenReplies on our thread's root; a quote: postgate detachedEmbeddingUris.
    hideComments: true,
    // A Bluesky account can delete only records in its own repository, never another account's post;
    // hiding is what the thread's author can do.
    deleteComments: false,
    postMetrics: true,
    followerCounts: true,
    // Bluesky pushes nothing to third parties over HTTP; events come from the firehose/Jetstream
    // (a websocket of the whole network), not per-account webhooks. We poll notifications instead.
    webhooks: false,
  },
  text: [
    { unit: 'graphemes', max: 300 },
    { unit: 'utf8Bytes', max: 3000 },
  ],
  media: {
    maxItems: 4,
    imageTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
    imageMaxBytes: 2_000_000,
    videoTypes: [],
    videoMaxBytes: 0,
    altTextRequired: true,
  },
  threads: true,
  // A first comment is published as a reply to the post.
  firstComment: true,
  nativeScheduling: false,
  options: [
    // Sets the post's `langs`, which Bluesky's feeds use to filter by language; 'auto' leaves it unset.
    { key: 'language', kind: 'select', choices: ['auto', 'en', 'it', 'es', 'fr', 'de', 'pt', 'ja'], default: 'auto' },
    // Self-labels (com.atproto.label.defs#selfLabels): clients blur or hide the post per the reader's settings.
    { key: 'contentWarning', kind: 'select', choices: ['none', 'sexual', 'nudity', 'porn', 'graphic-media'], default: 'none' },
  ],
  connectFields: [
    { key: 'identifier', kind: 'text', required: true },
    { key: 'appPassword', kind: 'password', required: true },
    { key: 'service', kind: 'url', required: false },
  ],
  quotas: [
    { windowSeconds: HOUR, limit: 5000, cost: 3, action: 'create' },
    { windowSeconds: DAY, limit: 35_000, cost: 3, action: 'create' },
    { windowSeconds: HOUR, limit: 5000, cost: 1, action: 'delete' },
    { windowSeconds: DAY, limit: 35_000, cost: 1, action: 'delete' },
  ],
};
