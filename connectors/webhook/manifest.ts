import type { ChannelCapabilities } from '../types';

/**
 * A generic webhook: every post part is POSTed as signed JSON to a URL the user gives (C6). The
 * "network" is whatever receives it, so the limits are ours, kept generous:
 * - text: 10,000 graphemes, the longest post text the composer accepts;
 * - media: sent as descriptions with the signed public URL the receiver fetches (no bytes in the
 *   JSON), so the sizes are the media library's, not a network's;
 * - threads: a later part carries `replyTo` with the receiver's id of the part before;
 * - no quotas: a receiver that needs fewer requests answers 429 with Retry-After.
 * Features are all false: a webhook only receives; it has no comments, metrics or followers to read
 * back, and nothing pushes to us.
 */
export const webhookCapabilities: ChannelCapabilities = {
  network: 'webhook',
  displayName: 'Webhook',
  auth: 'webhook_url',
  features: {
    readComments: false,
    readMentions: false,
    readMessages: false,
    reply: false,
    hideComments: false,
    deleteComments: false,
    postMetrics: false,
    followerCounts: false,
    webhooks: false,
  },
  text: [{ unit: 'graphemes', max: 10_000 }],
  media: {
    maxItems: 10,
    imageTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
    imageMaxBytes: 100_000_000,
    videoTypes: ['video/mp4', 'video/quicktime', 'video/webm'],
    videoMaxBytes: 1_000_000_000,
    altTextRequired: false,
  },
  threads: true,
  // No first comment: the receiver decides what a later part means; a thread already covers it.
  firstComment: false,
  nativeScheduling: false,
  quotas: [],
  connectFields: [
    { key: 'url', kind: 'url', required: true },
    { key: 'secret', kind: 'password', required: false },
  ],
};
