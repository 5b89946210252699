import type { ChannelCapabilities, ChannelFeatures, MediaRules } from '../types';

/** LinkedIn versions its REST API monthly (header LinkedIn-Version: YYYYMM) and sunsets each after about a year. */
export const LINKEDIN_VERSION = '202610';
export const API_BASE = 'https://api.linkedin.com';
export const OAUTH_BASE = 'https://www.linkedin.com';

/**
 * LinkedIn as two networks: `linkedin` posts as the member who signs in, `linkedin-page` as an
 * organization (Page) that member administers, chosen by the connect field `organization`. They differ
 * in scopes (the Page flavour asks for the Community Management scopes, which an app without that
 * product approved cannot request: PLATFORMS.md table 1 and §5) and in features (comments and
 * statistics are readable for Pages only), and a manifest has one of each.
 * - Commentary: 3,000 characters (UTF-16 count, never less than LinkedIn's), in "little" text format.
 * - Images: up to 20 (multiImage), JPEG/PNG/GIF. The Images API documents a pixel limit (36,152,320),
 *   not a byte limit; 5 MB is what LinkedIn's own composer takes.
 * - Limits are daily per app and member, reset at 00:00 UTC, not published: no fixed quota here.
 */
const media: MediaRules = {
  maxItems: 20,
  imageTypes: ['image/jpeg', 'image/png', 'image/gif'],
  imageMaxBytes: 5_000_000,
  // Video goes through the multi-part Videos API and minutes of processing: not implemented yet.
  videoTypes: [],
  videoMaxBytes: 0,
  altTextRequired: false,
};

const common = {
  auth: 'oauth2' as const,
  text: [{ unit: 'utf16' as const, max: 3000 }],
  media,
  // Comments are not posts: LinkedIn has no threads of posts.
  threads: false,
  firstComment: false,
  // lifecycleState is PUBLISHED or DRAFT only.
  nativeScheduling: false,
  quotas: [],
  connectFields: [],
};

const oauth = (scopes: string[]) => ({
  authorizeUrl: `${OAUTH_BASE}/oauth/v2/authorization`,
  tokenUrl: `${OAUTH_BASE}/oauth/v2/accessToken`,
  scopes,
  // LinkedIn offers PKCE only to native (mobile/desktop) apps; a web app uses its client secret.
  pkce: false,
});

const none: ChannelFeatures = { readComments: false, readMentions: false, readMessages: false, reply: false, hideComments: false, deleteComments: false, postMetrics: false, followerCounts: false, webhooks: false };

export const linkedinMemberCapabilities: ChannelCapabilities = {
  network: 'linkedin',
  displayName: 'LinkedIn (profile)',
  ...common,
  oauth: oauth(['openid', 'profile', 'w_member_social']),
  // Reading a member's comments and post statistics needs r_member_social and analytics scopes that
  // LinkedIn grants to approved partners only.
  features: none,
};

export const linkedinPageCapabilities: ChannelCapabilities = {
  network: 'linkedin-page',
  displayName: 'LinkedIn (page)',
  ...common,
  oauth: oauth(['openid', 'profile', 'w_member_social', 'w_organization_social', 'r_organization_social', 'rw_organization_admin']),
  // Which Page, when the member administers several: its id, URN or vanity name (linkedin.com/company/<vanity>).
  connectFields: [{ key: 'organization', kind: 'text', required: false }],
  features: {
    ...none,
    // /rest/socialActions/{post}/comments with r_organization_social.
    readComments: true,
    reply: true,
    // LinkedIn has no hidden state for comments.
    hideComments: false,
    // DELETE …/comments/{id}?actor=<organization>: LinkedIn deletes comments the organization may delete
    // and refuses others with its own message.
    deleteComments: true,
    // organizationalEntityShareStatistics.
    postMetrics: true,
    // networkSizes COMPANY_FOLLOWED_BY_MEMBER.
    followerCounts: true,
  },
};
