import type { ChannelCapabilities } from '../types';

/**
 * Reddit through its OAuth API (https://www.reddit.com/dev/api/). Limits from PLATFORMS.md §1: title
 * 300, self-text body 40,000; OAuth clients 60 requests per minute (the newer terms say 100, not
 * verified), so the quota below is the conservative one.
 */
export const REDDIT_TITLE_MAX = 300;

export const redditCapabilities: ChannelCapabilities = {
  network: 'reddit',
  displayName: 'Reddit',
  auth: 'oauth2',
  oauth: {
    authorizeUrl: 'https://www.reddit.com/api/v1/authorize',
    tokenUrl: 'https://www.reddit.com/api/v1/access_token',
    // identity: whose account; submit: post and comment; read: comments and counters; edit: delete our
    // own posts and comments; history: our submissions (reconciliation); modposts: remove others'
    // comments in subreddits the account moderates.
    scopes: ['identity', 'submit', 'read', 'edit', 'history', 'modposts'],
    // Reddit does not document PKCE; it authenticates the app with HTTP Basic at the token endpoint.
    pkce: false,
    // Without it the grant has no refresh token and ends after an hour.
    extraAuthorizeParams: { duration: 'permanent' },
  },
  features: {
    readComments: true,
    // Username mentions arrive in the inbox, which needs the privatemessages scope we do not ask for.
    readMentions: false,
    readMessages: false,
    reply: true,
    // Reddit has no "hide for readers" on a comment: a post's author cannot hide comments, only a
    // moderator can remove them (that is deleteComment).
    hideComments: false,
    // Our own comments are deleted (/api/del); others' are removed (/api/remove), which works only when
    // the connected account is a moderator of the subreddit (otherwise Reddit answers 403).
    deleteComments: true,
    postMetrics: true,
    // The channel's audience is the subreddit's: its subscriber count (/r/{sr}/about).
    followerCounts: true,
    webhooks: false,
  },
  // The first line is the title (≤300, checked at publish); the rest is the markdown body (≤40,000).
  text: [{ unit: 'graphemes', max: 40_000 + REDDIT_TITLE_MAX }],
  // Image and video posts go through Reddit's media asset upload, which the API reference does not
  // document; text and link posts only.
  media: { maxItems: 0, imageTypes: [], imageMaxBytes: 0, videoTypes: [], videoMaxBytes: 0, altTextRequired: false },
  threads: false,
  firstComment: false,
  nativeScheduling: false,
  options: [
    // self: a text post; link: a link post to the link card's URL (or the first URL in the text).
    { key: 'kind', kind: 'select', choices: ['self', 'link'], default: 'self' },
    { key: 'nsfw', kind: 'boolean', default: false },
    { key: 'spoiler', kind: 'boolean', default: false },
    { key: 'sendReplies', kind: 'boolean', default: true },
  ],
  // The subreddit the channel posts to (without "r/"); the account must be allowed to post there.
  connectFields: [{ key: 'subreddit', kind: 'text', required: true }],
  quotas: [{ windowSeconds: 60, limit: 60, cost: 1, action: 'create' }],
};
