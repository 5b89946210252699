import type { ChannelCapabilities } from '../types';

/**
 * Instagram's limits as data (PLATFORMS.md table 1; developers.facebook.com/documentation/instagram-platform).
 * The connector uses the Instagram API with Instagram Login (graph.instagram.com): no Facebook Page needed.
 * - Caption 2,200 characters, counted as UTF-16 units (Instagram's own unit is unverified; UTF-16 never
 *   undercounts code points). Hashtags: 5 (announced Dec 2025, replacing 30).
 * - Media is required: Instagram has no text-only posts. Instagram fetches it from a public URL
 *   (MediaInput.publicUrl). Images JPEG/PNG ≤8 MB with width ÷ height from 4:5 to 1.91:1; videos are Reels
 *   (MOV/MP4 ≤1 GB, 3 s to 15 min); carousels of up to 10 items.
 * - Quota: 50 published posts per rolling 24 h (Meta doc, Jan 2025), read at run time from
 *   `content_publishing_limit` before every publish; 400 containers per 24 h.
 * - threads false: Instagram has no reply chains of posts. firstComment false: not wired here.
 * - readMentions false: mentions arrive through webhooks or `mentioned_media`, neither wired here.
 * - webhooks false: comments are polled from our posts.
 * - canDelete false: the Instagram API with Instagram Login cannot delete a published post (`delete` refuses).
 */
export const instagramCapabilities: ChannelCapabilities = {
  network: 'instagram',
  displayName: 'Instagram',
  auth: 'oauth2',
  oauth: {
    authorizeUrl: 'https://www.instagram.com/oauth/authorize',
    tokenUrl: 'https://api.instagram.com/oauth/access_token',
    scopes: ['instagram_business_basic', 'instagram_business_content_publish', 'instagram_business_manage_comments', 'instagram_business_manage_insights'],
    pkce: false,
  },
  features: {
    readComments: true,
    readMentions: false,
    readMessages: false,
    reply: true,
    hideComments: true,
    deleteComments: true,
    postMetrics: true,
    followerCounts: true,
    webhooks: false,
  },
  text: [{ unit: 'utf16', max: 2200 }],
  maxHashtags: 5,
  media: {
    maxItems: 10,
    imageTypes: ['image/jpeg', 'image/png'],
    imageMaxBytes: 8_000_000,
    videoTypes: ['video/mp4', 'video/quicktime'],
    videoMaxBytes: 1_000_000_000,
    videoMaxDurationSeconds: 900,
    altTextRequired: false,
    aspectRatio: { min: 0.8, max: 1.91 },
  },
  threads: false,
  firstComment: false,
  nativeScheduling: false,
  quotas: [{ windowSeconds: 86_400, limit: 50, cost: 1, action: 'create' }],
  mediaRequired: true,
  canDelete: false,
  connectFields: [],
};
