import type { ChannelCapabilities } from '../types';

/** One Graph API version for every call; Meta retires a version about two years after its release. */
export const GRAPH_VERSION = 'v25.0';
export const GRAPH_BASE = 'https://graph.facebook.com';

/**
 * Facebook Pages' limits as data (PLATFORMS.md table 1; https://developers.facebook.com/docs/pages-api).
 * - Text: 63,206 characters; counted in UTF-16 units, which is never less than Facebook's count.
 * - Photos: up to 10 per post (attached_media), JPEG/PNG/GIF/BMP/TIFF, 4 MB each (Page Photos reference).
 * - Native scheduling: published=false + scheduled_publish_time, 10 minutes to 30 days ahead.
 * - Rate limits are Business Use Case buckets reported in X-Business-Use-Case-Usage, not fixed quotas.
 */
export const facebookCapabilities: ChannelCapabilities = {
  network: 'facebook',
  displayName: 'Facebook Page',
  auth: 'oauth2',
  oauth: {
    authorizeUrl: `https://www.facebook.com/${GRAPH_VERSION}/dialog/oauth`,
    tokenUrl: `${GRAPH_BASE}/${GRAPH_VERSION}/oauth/access_token`,
    // pages_show_list lets /me/accounts list the Pages (and their tokens) the person manages.
    scopes: ['pages_show_list', 'pages_manage_posts', 'pages_read_engagement', 'pages_manage_engagement', 'pages_read_user_content', 'read_insights'],
    // Facebook Login's code flow for web apps uses the app secret; PKCE is offered to apps without one.
    pkce: false,
  },
  features: {
    readComments: true,
    // Mentions of the Page (tagged posts) need Page Public Content Access review: not requested.
    readMentions: false,
    // Page inbox messages are the Messenger Platform, a separate product and review.
    readMessages: false,
    reply: true,
    hideComments: true,
    deleteComments: true,
    postMetrics: true,
    followerCounts: true,
    // The `feed` field of Page webhooks, signed with X-Hub-Signature-256.
    webhooks: true,
  },
  text: [{ unit: 'utf16', max: 63_206 }],
  media: {
    maxItems: 10,
    imageTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/bmp', 'image/tiff'],
    imageMaxBytes: 4_000_000,
    // Page videos go through the resumable video upload API, not implemented yet: refused up front.
    videoTypes: [],
    videoMaxBytes: 0,
    altTextRequired: false,
  },
  // A Page post has no self-replies that show as a thread.
  threads: false,
  firstComment: false,
  nativeScheduling: true,
  // Facebook's documented window for scheduled_publish_time (SCHEDULE_MIN_MS..SCHEDULE_MAX_MS below):
  // the publisher hands single-part posts over 15 minutes ahead and confirms them after the time.
  nativeSchedulingWindow: { minLeadSeconds: 600, maxLeadSeconds: 30 * 86_400 },
  quotas: [],
  // Which Page, when the person manages several: its id, @username or name (default: the first they can post to).
  connectFields: [{ key: 'page', kind: 'text', required: false }],
};

/** Facebook's documented window for scheduled_publish_time. */
export const SCHEDULE_MIN_MS = 10 * 60_000;
export const SCHEDULE_MAX_MS = 30 * 86_400_000;
