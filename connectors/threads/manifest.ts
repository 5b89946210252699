import type { ChannelCapabilities } from '../types';

/**
 * Threads' limits as data (PLATFORMS.md table 1 and §3; developers.facebook.com/documentation/threads).
 * - Text: 500 characters, "emojis counted as the number of UTF-8 bytes". shared/text has no unit for that
 *   mix; graphemes is the closest: an emoji-heavy text under 500 graphemes may still be refused by
 *   Threads, whose answer is kept verbatim.
 * - Media: fetched by Threads from a public URL (MediaInput.publicUrl); images JPEG/PNG ≤8 MB, video
 *   MOV/MP4 ≤1 GB and ≤5 min; carousels of up to 20 items.
 * - Quotas: 250 posts per rolling 24 h (a carousel counts once; read at run time from
 *   `threads_publishing_limit`), 1,000 replies per 24 h, 100 deletes per 24 h.
 * - deleteComments false: Threads only hides replies (`manage_reply`), it never deletes others' replies.
 * - readMentions false: the mentions edge needs `threads_manage_mentions`, not in our scopes.
 * - webhooks false: not wired here (polling replies of our posts instead).
 */
const DAY = 86_400;

export const threadsCapabilities: ChannelCapabilities = {
  network: 'threads',
  displayName: 'Threads',
  auth: 'oauth2',
  oauth: {
    authorizeUrl: 'https://threads.net/oauth/authorize',
    tokenUrl: 'https://graph.threads.net/oauth/access_token',
    scopes: ['threads_basic', 'threads_content_publish', 'threads_manage_replies', 'threads_read_replies', 'threads_manage_insights', 'threads_delete'],
    pkce: false,
  },
  features: {
    readComments: true,
    readMentions: false,
    readMessages: false,
    reply: true,
    hideComments: true,
    deleteComments: false,
    postMetrics: true,
    followerCounts: true,
    webhooks: false,
  },
  text: [{ unit: 'graphemes', max: 500 }],
  media: {
    maxItems: 20,
    imageTypes: ['image/jpeg', 'image/png'],
    imageMaxBytes: 8_000_000,
    videoTypes: ['video/mp4', 'video/quicktime'],
    videoMaxBytes: 1_000_000_000,
    videoMaxDurationSeconds: 300,
    altTextRequired: false,
    altTextMax: 1000,
  },
  threads: true,
  firstComment: true,
  nativeScheduling: false,
  quotas: [
    { windowSeconds: DAY, limit: 250, cost: 1, action: 'create' },
    { windowSeconds: DAY, limit: 100, cost: 1, action: 'delete' },
  ],
  options: [
    // `reply_control` of the post container: who may reply.
    { key: 'replyControl', kind: 'select', choices: ['everyone', 'accounts_you_follow', 'mentioned_only', 'parent_post_author_only', 'followers_only'], default: 'everyone' },
  ],
  connectFields: [],
};
