import { TwitterApi } from 'twitter-api-v2';
import { oauthApp, withoutAppCredentials } from '../oauth/app';
import { PublishError, type ChannelAuth, type ConnectedAccount, type ConnectorContext, type OAuthCompletion } from '../types';
import { call, clientSettings } from './client';
import { xCapabilities } from './manifest';

/**
 * OAuth 2.0 with PKCE (X's only user-context OAuth 2 flow). The token response carries `expires_in`
 * (2 hours) and, with `offline.access`, a refresh token that X rotates on every refresh. Refreshing
 * needs the operator's app from the server's configuration (`ctx.oauthClient`): its client id, and for
 * a confidential client its secret too (X then wants HTTP Basic); a public client has none.
 */
function expiry(expiresIn: number, now = Date.now()): string {
  return new Date(now + expiresIn * 1000).toISOString();
}

export async function completeOAuth(input: OAuthCompletion): Promise<ConnectedAccount> {
  const settings = clientSettings(input.baseUrl);
  const app = new TwitterApi(input.clientSecret ? { clientId: input.clientId, clientSecret: input.clientSecret } : { clientId: input.clientId }, settings);
  const tokens = await call(() => app.loginWithOAuth2({ code: input.code, codeVerifier: input.codeVerifier ?? '', redirectUri: input.redirectUri }));
  const user = new TwitterApi(tokens.accessToken, settings);
  const { data: me } = await call(() => user.v2.me());
  const auth: ChannelAuth = { accessToken: tokens.accessToken, expiresAt: expiry(tokens.expiresIn), userId: me.id, username: me.username };
  if (tokens.refreshToken) auth.refreshToken = tokens.refreshToken;
  return { auth, account: { id: me.id, handle: me.username, displayName: me.name } };
}

export async function refreshAuth(ctx: ConnectorContext): Promise<ChannelAuth> {
  const { refreshToken } = ctx.auth;
  if (!refreshToken) throw new PublishError('auth_expired', 'This X channel cannot renew its sign-in (no refresh token); reconnect it.');
  const { clientId, clientSecret } = oauthApp(ctx, xCapabilities, { secret: false });
  const app = new TwitterApi(clientSecret ? { clientId, clientSecret } : { clientId }, clientSettings(ctx.baseUrl));
  const tokens = await call(() => app.refreshOAuth2Token(refreshToken));
  const fresh: ChannelAuth = { ...withoutAppCredentials(ctx.auth), accessToken: tokens.accessToken, expiresAt: expiry(tokens.expiresIn) };
  if (tokens.refreshToken) fresh.refreshToken = tokens.refreshToken;
  await ctx.onAuthRefreshed(fresh);
  return fresh;
}
