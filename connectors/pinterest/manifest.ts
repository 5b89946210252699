import type { ChannelCapabilities } from '../types';

/** Pin title 100, description 500, link 2,048, alt text 500 (PLATFORMS.md §1, Pinterest API v5 pins/create). */
export const PIN_TITLE_MAX = 100;
export const PIN_DESCRIPTION_MAX = 500;
export const PIN_LINK_MAX = 2048;

export const pinterestCapabilities: ChannelCapabilities = {
  network: 'pinterest',
  displayName: 'Pinterest',
  auth: 'oauth2',
  oauth: {
    authorizeUrl: 'https://www.pinterest.com/oauth/',
    tokenUrl: 'https://api.pinterest.com/v5/oauth/token',
    // boards:read checks the channel's board; pins:read and pins:write create, find, delete and measure
    // pins; user_accounts:read names the account and counts its followers.
    scopes: ['boards:read', 'pins:read', 'pins:write', 'user_accounts:read'],
    // Pinterest's v5 OAuth authenticates the app with HTTP Basic and documents no PKCE.
    pkce: false,
  },
  features: {
    // Pinterest's API v5 has no endpoint for comments on pins, nor mentions or messages.
    readComments: false,
    readMentions: false,
    readMessages: false,
    reply: false,
    hideComments: false,
    deleteComments: false,
    // GET /v5/pins/{id}/analytics.
    postMetrics: true,
    // GET /v5/user_account follower_count.
    followerCounts: true,
    webhooks: false,
  },
  // The first line is the title (≤100); the rest is the description (≤500), both checked at publish.
  text: [{ unit: 'graphemes', max: PIN_TITLE_MAX + 1 + PIN_DESCRIPTION_MAX }],
  media: {
    // One image per Pin. Video Pins need Pinterest's media upload and a cover image: not done yet.
    maxItems: 1,
    imageTypes: ['image/jpeg', 'image/png'],
    imageMaxBytes: 20 * 1024 * 1024,
    videoTypes: [],
    videoMaxBytes: 0,
    altTextRequired: false,
    altTextMax: 500,
  },
  threads: false,
  firstComment: false,
  // The API has no publish time for organic Pins (PLATFORMS.md §4: assume at-time).
  nativeScheduling: false,
  // Every Pin is an image (or a video, not done here): no text-only Pins.
  mediaRequired: true,
  // The board the channel pins to (its id, from the board's URL or GET /v5/boards).
  connectFields: [{ key: 'boardId', kind: 'text', required: true }],
  // Standard access: pins/create is in the "pins_write" category; Pinterest does not publish a per-day
  // cap for organic Pins, so none is declared.
  quotas: [],
};
