import { PublishError, type ChannelAuth, type ConnectedAccount, type ConnectorContext, type OAuthCompletion } from '../types';
import { classifyTiktok, fromThrown } from './errors';

export const API_BASE = 'https://open.tiktokapis.com';
const REFRESH_MARGIN_MS = 60_000;

export const apiBase = (base?: string) => (base ?? API_BASE).replace(/\/$/, '');

interface TokenAnswer {
  access_token?: string;
  expires_in?: number;
  open_id?: string;
  refresh_token?: string;
  refresh_expires_in?: number;
  scope?: string;
  error?: string;
  error_description?: string;
}

/** POST /v2/oauth/token/ (form). TikTok names the client id `client_key`. */
async function tokenRequest(base: string | undefined, form: Record<string, string>): Promise<TokenAnswer> {
  let res: Response;
  let body: TokenAnswer;
  try {
    res = await fetch(`${apiBase(base)}/v2/oauth/token/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString(), signal: AbortSignal.timeout(30_000) });
    const text = await res.text();
    body = text ? (JSON.parse(text) as TokenAnswer) : {};
  } catch (err) {
    throw fromThrown(err);
  }
  // Token errors come as {error, error_description, log_id}, sometimes with HTTP 200.
  if (!res.ok || body.error || !body.access_token) throw classifyTiktok(res.status, { error: body.error ?? `http_${res.status}`, error_description: body.error_description });
  return body;
}

function toAuth(t: TokenAnswer, now = Date.now()): ChannelAuth {
  const auth: ChannelAuth = { accessToken: t.access_token!, expiresAt: new Date(now + (t.expires_in ?? 86_400) * 1000).toISOString() };
  if (t.refresh_token) auth.refreshToken = t.refresh_token;
  if (t.refresh_expires_in) auth.refreshExpiresAt = new Date(now + t.refresh_expires_in * 1000).toISOString();
  if (t.open_id) auth.openId = t.open_id;
  if (t.scope) auth.scope = t.scope;
  return auth;
}

interface CreatorInfo {
  creator_username?: string;
  creator_nickname?: string;
}

/**
 * Exchanges the code (with the PKCE verifier), then names the account from creator_info (the
 * username needs no extra scope there). The app's key and secret stay in the sealed auth for
 * `refreshAuth`, which receives only the channel's auth.
 */
export async function completeTiktokOAuth(input: OAuthCompletion): Promise<ConnectedAccount> {
  const form: Record<string, string> = { client_key: input.clientId, client_secret: input.clientSecret, code: input.code, grant_type: 'authorization_code', redirect_uri: input.redirectUri };
  if (input.codeVerifier) form.code_verifier = input.codeVerifier;
  let tokens: TokenAnswer;
  try {
    tokens = await tokenRequest(input.baseUrl, form);
  } catch (err) {
    if (err instanceof PublishError && err.kind !== 'transient') throw new PublishError('rejected', `TikTok refused the authorization code: ${err.message}`, err.opts);
    throw err;
  }
  const auth: ChannelAuth = { ...toAuth(tokens), clientKey: input.clientId, clientSecret: input.clientSecret };
  let res: Response;
  let body: { data?: CreatorInfo; error?: { code?: string; message?: string } };
  try {
    res = await fetch(`${apiBase(input.baseUrl)}/v2/post/publish/creator_info/query/`, { method: 'POST', headers: { authorization: `Bearer ${auth.accessToken}`, 'content-type': 'application/json; charset=UTF-8' }, signal: AbortSignal.timeout(30_000) });
    body = (await res.json()) as typeof body;
  } catch (err) {
    throw fromThrown(err);
  }
  if (!res.ok || (body.error?.code && body.error.code !== 'ok')) throw classifyTiktok(res.status, body);
  const id = auth.openId ?? body.data?.creator_username;
  if (!id) throw new PublishError('rejected', 'TikTok did not say which account signed in');
  const handle = body.data?.creator_username ?? id;
  if (body.data?.creator_username) auth.username = body.data.creator_username;
  return { auth, account: { id, handle, displayName: body.data?.creator_nickname } };
}

/** New tokens from the refresh token (TikTok may rotate the refresh token: the new one is kept). */
export async function refreshTiktokAuth(ctx: ConnectorContext): Promise<ChannelAuth> {
  const { refreshToken, clientKey, clientSecret } = ctx.auth;
  if (!refreshToken || !clientKey || !clientSecret) throw new PublishError('auth_expired', 'the TikTok sign-in cannot be refreshed (no refresh token or app credentials); connect the account again');
  try {
    const tokens = await tokenRequest(ctx.baseUrl, { client_key: clientKey, client_secret: clientSecret, grant_type: 'refresh_token', refresh_token: refreshToken });
    return { ...ctx.auth, ...toAuth(tokens) };
  } catch (err) {
    // invalid_grant and the like: the refresh token is expired or revoked.
    if (err instanceof PublishError && err.kind === 'rejected') throw new PublishError('auth_expired', err.message, err.opts);
    throw err;
  }
}

const refreshed = new WeakMap<ConnectorContext, ChannelAuth>();

/** The access token to use now: refreshed (and reported) when it expires within a minute. */
export async function freshAccessToken(ctx: ConnectorContext): Promise<string> {
  const auth = refreshed.get(ctx) ?? ctx.auth;
  const expiresAt = auth.expiresAt ? Date.parse(auth.expiresAt) : Number.NaN;
  if (auth.refreshToken && Number.isFinite(expiresAt) && expiresAt - Date.now() < REFRESH_MARGIN_MS) {
    const fresh = await refreshTiktokAuth({ ...ctx, auth });
    refreshed.set(ctx, fresh);
    await ctx.onAuthRefreshed(fresh);
    return fresh.accessToken!;
  }
  if (!auth.accessToken) throw new PublishError('auth_expired', 'no TikTok access token; connect the account again');
  return auth.accessToken;
}
