import type { ChannelCapabilities } from '../types';

/** Title 100 characters without "<" or ">", description 5,000 bytes (PLATFORMS.md §1, YouTube Data API v3 videos resource). */
export const YOUTUBE_TITLE_MAX = 100;
export const YOUTUBE_DESCRIPTION_MAX_BYTES = 5000;
const SCOPE = 'https://www.googleapis.com/auth/';

export const youtubeCapabilities: ChannelCapabilities = {
  network: 'youtube',
  displayName: 'YouTube',
  auth: 'oauth2_pkce',
  oauth: {
    authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    // upload: videos.insert; force-ssl: comments (insert, moderate, delete) and videos.delete; readonly: lists and statistics.
    scopes: [`${SCOPE}youtube.upload`, `${SCOPE}youtube.force-ssl`, `${SCOPE}youtube.readonly`],
    pkce: true,
    // offline: Google issues a refresh token; consent: it issues one again when the user reconnects.
    extraAuthorizeParams: { access_type: 'offline', prompt: 'consent', include_granted_scopes: 'true' },
  },
  features: {
    readComments: true,
    // YouTube's API has no mentions feed and no direct messages.
    readMentions: false,
    readMessages: false,
    reply: true,
    // comments.setModerationStatus heldForReview: the comment leaves public view until approved.
    hideComments: true,
    // comments.delete works on the channel's own comments only; someone else's comment is removed by
    // setModerationStatus rejected (hidden from the public for good), which is what the owner can do.
    deleteComments: true,
    postMetrics: true,
    followerCounts: true,
    webhooks: false,
  },
  // The first line is the title (≤100 characters, checked at publish); the rest is the description (≤5,000 bytes).
  text: [{ unit: 'utf8Bytes', max: YOUTUBE_DESCRIPTION_MAX_BYTES + 4 * YOUTUBE_TITLE_MAX + 1 }],
  media: {
    // One video per upload.
    maxItems: 1,
    imageTypes: [],
    imageMaxBytes: 0,
    videoTypes: ['video/mp4', 'video/quicktime', 'video/webm', 'video/x-msvideo', 'video/mpeg', 'video/x-matroska'],
    // 256 GB; unverified channels are limited to 15 minutes (verified: 12 hours).
    videoMaxBytes: 256 * 1024 ** 3,
    videoMaxDurationSeconds: 12 * 3600,
    altTextRequired: false,
  },
  threads: false,
  firstComment: false,
  // status.publishAt with privacyStatus private: YouTube publishes the video at the time by itself.
  nativeScheduling: true,
  // YouTube documents no bounds for publishAt but the future. Ours: the publisher hands a video over
  // 35 minutes ahead (30 + 5), so the upload itself has half an hour to finish before its time; a
  // year at most (also ours).
  nativeSchedulingWindow: { minLeadSeconds: 30 * 60, maxLeadSeconds: 365 * 86_400 },
  options: [
    // Visibility once published (a future publish time uploads as private until then).
    { key: 'privacy', kind: 'select', choices: ['public', 'unlisted', 'private'], default: 'public' },
    // Required by COPPA for every upload; YouTube asks in the uploader when it is absent.
    { key: 'madeForKids', kind: 'boolean', default: false },
  ],
  // Every upload is a video: YouTube has no text-only posts (community posts have no public API).
  mediaRequired: true,
  connectFields: [],
  // The newer quota doc lists a "video uploads" bucket of 100 calls per day (PLATFORMS.md §1).
  quotas: [{ windowSeconds: 86_400, limit: 100, cost: 1, action: 'create' }],
};
