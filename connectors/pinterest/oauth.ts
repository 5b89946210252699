import { accessTokenKeeper } from '../oauth/fresh';
import { refreshTokens, type TokenEndpoint } from '../oauth/tokens';
import type { ChannelAuth, ConnectorContext } from '../types';
import { classifyPinterest, type PinterestErrorBody } from './errors';
import { pinterestCapabilities } from './manifest';

export const API_BASE = 'https://api.pinterest.com';

export function v5(base: string | undefined): string {
  return `${(base ?? API_BASE).replace(/\/$/, '')}/v5`;
}

/**
 * POST /v5/oauth/token with the app's credentials as HTTP Basic
 * (https://developers.pinterest.com/docs/getting-started/authentication-and-scopes/); access tokens last
 * 30 days, refresh tokens (`refresh_token_expires_in`) a year; errors are API v5's `{code, message}`.
 */
export const pinterestTokens: TokenEndpoint = {
  capabilities: pinterestCapabilities,
  clientAuth: 'basic',
  defaultExpiresIn: 2_592_000,
  classify: (status, headers, body) => classifyPinterest(status, headers, body as PinterestErrorBody),
};

/** New tokens from the refresh token (Pinterest keeps the refresh token unless it sends a new one). */
export function refreshPinterestAuth(ctx: ConnectorContext): Promise<ChannelAuth> {
  return refreshTokens(pinterestTokens, ctx);
}

export const freshAccessToken = accessTokenKeeper('Pinterest', refreshPinterestAuth);
