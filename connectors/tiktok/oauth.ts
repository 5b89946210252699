import { accessTokenKeeper } from '../oauth/fresh';
import { refreshTokens, type TokenEndpoint } from '../oauth/tokens';
import type { ChannelAuth, ConnectorContext } from '../types';
import { classifyTiktok } from './errors';
import { tiktokCapabilities } from './manifest';

export const API_BASE = 'https://open.tiktokapis.com';

export const apiBase = (base?: string) => (base ?? API_BASE).replace(/\/$/, '');

/**
 * POST /v2/oauth/token/ (https://developers.tiktok.com/doc/oauth-user-access-token-management): the app
 * as `client_key` and `client_secret` in the form; access tokens last 24 h, refresh tokens a year and
 * may rotate; the answer names the account (`open_id`). Errors are `{error, error_description, log_id}`,
 * sometimes with HTTP 200.
 */
export const tiktokTokens: TokenEndpoint = {
  capabilities: tiktokCapabilities,
  clientAuth: 'form',
  clientIdParam: 'client_key',
  defaultExpiresIn: 86_400,
  keep: { open_id: 'openId' },
  classify: (status, _headers, body) => classifyTiktok(status, { error: typeof body.error === 'string' ? body.error : `http_${status}`, error_description: body.error_description }),
};

/** New tokens from the refresh token (a rotated refresh token replaces the stored one). */
export function refreshTiktokAuth(ctx: ConnectorContext): Promise<ChannelAuth> {
  return refreshTokens(tiktokTokens, ctx);
}

export const freshAccessToken = accessTokenKeeper('TikTok', refreshTiktokAuth);
