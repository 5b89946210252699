import type { ChannelCapabilities } from '../types';

/** Video caption ("title") 2,200 UTF-16 units; video 3 s–10 min, ≤4 GB, MP4/MOV/WebM (PLATFORMS.md §1). */
export const TIKTOK_TITLE_MAX = 2200;
export const PRIVACY_LEVELS = ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'FOLLOWER_OF_CREATOR', 'SELF_ONLY'];

export const tiktokCapabilities: ChannelCapabilities = {
  network: 'tiktok',
  displayName: 'TikTok',
  auth: 'oauth2_pkce',
  oauth: {
    authorizeUrl: 'https://www.tiktok.com/v2/auth/authorize/',
    tokenUrl: 'https://open.tiktokapis.com/v2/oauth/token/',
    // video.publish: direct post and creator_info; video.upload: inbox upload; video.list: reconciliation
    // and per-video counters; user.info.stats: follower counts (user.info.basic alone has none).
    scopes: ['user.info.basic', 'user.info.stats', 'video.publish', 'video.upload', 'video.list'],
    pkce: true,
    // The authorize URL names the app `client_key` and joins scopes with commas (Login Kit for Web).
    clientIdParam: 'client_key',
    scopeSeparator: ',',
    // Login Kit for Desktop documents the S256 challenge as the hex SHA-256 of the verifier, where RFC 7636
    // says base64url; that the web flow checks the same encoding is not verified against a live app (README.md).
    pkceChallengeEncoding: 'hex',
  },
  features: {
    // The public API (Content Posting, Display) has no endpoint to read or moderate comments, mentions
    // or messages; comment listing exists only in the Research API, which is not for managing accounts.
    readComments: false,
    readMentions: false,
    readMessages: false,
    reply: false,
    hideComments: false,
    deleteComments: false,
    // POST /v2/video/query/: like_count, comment_count, share_count, view_count.
    postMetrics: true,
    // GET /v2/user/info/?fields=follower_count (scope user.info.stats).
    followerCounts: true,
    webhooks: false,
  },
  text: [{ unit: 'utf16', max: TIKTOK_TITLE_MAX }],
  media: {
    maxItems: 1,
    // Photo posts go through another endpoint (content/init) with their own rules: not done.
    imageTypes: [],
    imageMaxBytes: 0,
    videoTypes: ['video/mp4', 'video/quicktime', 'video/webm'],
    videoMaxBytes: 4 * 1024 ** 3,
    // The longest a developer may send; creator_info tells the creator's own limit at publish time.
    videoMaxDurationSeconds: 600,
    altTextRequired: false,
  },
  threads: false,
  firstComment: false,
  // Neither direct post nor inbox upload takes a publish time.
  nativeScheduling: false,
  options: [
    // direct: posted to the profile; inbox: sent to the creator's TikTok inbox to finish and post in the app.
    { key: 'mode', kind: 'select', choices: ['direct', 'inbox'], default: 'direct' },
    // Must be one of creator_info's privacy_level_options (unaudited apps: SELF_ONLY only).
    { key: 'privacy', kind: 'select', choices: PRIVACY_LEVELS, default: 'PUBLIC_TO_EVERYONE' },
    // TikTok's UX rules: interactions are off unless the user turns them on.
    { key: 'allowComments', kind: 'boolean', default: false },
    { key: 'allowDuet', kind: 'boolean', default: false },
    { key: 'allowStitch', kind: 'boolean', default: false },
  ],
  // Every TikTok post is a video (photo posts are not done here).
  mediaRequired: true,
  // Neither the Content Posting API nor any other public TikTok API deletes a post (`delete` refuses).
  canDelete: false,
  connectFields: [],
  // Init endpoints: 6 requests per minute per access token.
  quotas: [{ windowSeconds: 60, limit: 6, cost: 1, action: 'create' }],
};
