import type { ChannelCapabilities } from '../types';

/**
 * X's limits as data (shared/product/PLATFORMS.md, table 1 and §2; X API v2 reference).
 * - Text: 280 weighted characters (twitter-text v3). Premium long posts are not modelled: the API
 *   refuses what the account may not post, and that refusal reaches the user verbatim.
 * - Media: up to 4 images, or 1 GIF, or 1 video (MediaRules cannot say "or": the publisher's media
 *   checks apply maxItems, and X itself refuses mixing). Images ≤5 MB; video ≤20 min and ≤512 MB here although
 *   X takes 8 GB in chunks: one post's bytes travel in memory (MediaInput.bytes).
 * - Alt text ≤1,000 characters, set through `POST /2/media/metadata` (images and GIFs only).
 * - Quotas: `POST /2/tweets` 100 per 15 minutes per user; `DELETE /2/tweets/:id` 50 per 15 minutes.
 * - deleteComments is false: X lets an author hide replies under their post, never delete them.
 * - webhooks false: the Account Activity API is an enterprise product, mentions are polled instead.
 * - readComments is false and readMentions true: replies to our posts arrive through the mentions
 *   timeline (a reply mentions the author), classified as kind 'reply' when they answer our posts.
 */
export const xCapabilities: ChannelCapabilities = {
  // 'x' alone is refused by manifestProblems (ids are 2–31 characters); the API and its library still say twitter.
  network: 'twitter',
  displayName: 'X',
  auth: 'oauth2_pkce',
  oauth: {
    authorizeUrl: 'https://x.com/i/oauth2/authorize',
    tokenUrl: 'https://api.x.com/2/oauth2/token',
    scopes: ['tweet.read', 'tweet.write', 'users.read', 'offline.access', 'media.write'],
    pkce: true,
  },
  features: {
    readComments: false,
    readMentions: true,
    readMessages: false,
    reply: true,
    hideComments: true,
    deleteComments: false,
    postMetrics: true,
    followerCounts: true,
    webhooks: false,
  },
  text: [{ unit: 'twitterWeighted', max: 280 }],
  media: {
    maxItems: 4,
    imageTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
    imageMaxBytes: 5_000_000,
    videoTypes: ['video/mp4', 'video/quicktime'],
    videoMaxBytes: 512_000_000,
    videoMaxDurationSeconds: 1200,
    altTextRequired: false,
    altTextMax: 1000,
    aspectRatio: { min: 1 / 3, max: 3 },
  },
  threads: true,
  // A first comment is a reply to our own post.
  firstComment: true,
  nativeScheduling: false,
  quotas: [
    { windowSeconds: 900, limit: 100, cost: 1, action: 'create' },
    { windowSeconds: 900, limit: 50, cost: 1, action: 'delete' },
  ],
  connectFields: [],
};
