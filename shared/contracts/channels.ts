import { z } from 'zod';
import { Id } from './common';

/** POST /api/workspaces/:id/channels/oauth/:network/start: a new channel, or `channelId` to reconnect one. */
export const StartOAuthBody = z.strictObject({
  /** Reconnect this channel (same account) instead of connecting a new one. */
  channelId: Id.optional(),
  /** Instance-based networks (a connect field of kind "url"): the server the account lives on (or send it in `fields`). */
  baseUrl: z.url('Type the address of the server, starting with https://').max(400).optional(),
  /** What the network's connect form asks besides the sign-in (a subreddit, a board…), by connect-field key. */
  fields: z.record(z.string().max(100), z.string().max(400)).optional(),
});

export const StartOAuthResult = z.object({
  /** Send the browser here; the network sends it back to /api/oauth/callback. */
  authorizeUrl: z.string(),
  expiresAt: z.string(),
});

/** What the OAuth callback tells the channels page (query `oauthError`), so it can explain in the viewer's language. */
export const OAUTH_ERRORS = ['invalid_state', 'expired', 'denied', 'refused', 'unreachable', 'not_configured', 'forbidden', 'other_account', 'already_connected', 'channel_gone'] as const;
export type OAuthErrorCode = (typeof OAUTH_ERRORS)[number];

export const ChannelMetricsQuery = z.strictObject({
  days: z.coerce.number().int().min(1, 'Ask for at least 1 day.').max(730, 'Ask for at most 730 days.').default(90),
});

/** A channel's follower counts over time, oldest first (one sample per collection). */
export const ChannelMetricSeries = z.object({
  channelId: Id,
  samples: z.array(z.object({ at: z.string(), followers: z.number().int(), following: z.number().int().nullable(), posts: z.number().int().nullable(), raw: z.record(z.string(), z.number()) })),
});
