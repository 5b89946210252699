import { PublishError, type ChannelAuth, type ConnectedAccount, type ConnectorContext, type OAuthCompletion } from '../types';
import { classifyPinterest, fromThrown, type PinterestErrorBody } from './errors';

export const API_BASE = 'https://api.pinterest.com';
const REFRESH_MARGIN_MS = 60_000;

export function v5(base: string | undefined): string {
  return `${(base ?? API_BASE).replace(/\/$/, '')}/v5`;
}

interface TokenAnswer extends PinterestErrorBody {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
  refresh_token_expires_in?: number;
  scope?: string;
}

async function tokenRequest(base: string | undefined, clientId: string, clientSecret: string, form: Record<string, string>): Promise<TokenAnswer> {
  let res: Response;
  let body: TokenAnswer;
  try {
    res = await fetch(`${v5(base)}/oauth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    body = text ? (JSON.parse(text) as TokenAnswer) : {};
  } catch (err) {
    throw fromThrown(err);
  }
  if (!res.ok || !body.access_token) throw classifyPinterest(res.status, res.headers, body);
  return body;
}

function toAuth(t: TokenAnswer, now = Date.now()): ChannelAuth {
  const auth: ChannelAuth = { accessToken: t.access_token!, expiresAt: new Date(now + (t.expires_in ?? 2_592_000) * 1000).toISOString() };
  if (t.refresh_token) auth.refreshToken = t.refresh_token;
  if (t.refresh_token_expires_in) auth.refreshExpiresAt = new Date(now + t.refresh_token_expires_in * 1000).toISOString();
  if (t.scope) auth.scope = t.scope;
  return auth;
}

export interface UserAccount {
  id?: string;
  username: string;
  business_name?: string | null;
  account_type?: string;
  follower_count?: number;
  following_count?: number;
  pin_count?: number;
  board_count?: number;
  monthly_views?: number;
}

export async function fetchUserAccount(base: string | undefined, token: string): Promise<UserAccount> {
  let res: Response;
  let body: UserAccount & PinterestErrorBody;
  try {
    res = await fetch(`${v5(base)}/user_account`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(30_000) });
    body = (await res.json()) as UserAccount & PinterestErrorBody;
  } catch (err) {
    throw fromThrown(err);
  }
  if (!res.ok) throw classifyPinterest(res.status, res.headers, body);
  return body;
}

/**
 * Exchanges the code (HTTP Basic with the app's credentials), then reads the account
 * (GET /v5/user_account). The app credentials stay in the sealed auth for `refreshAuth`; the board
 * (connect field) is attached afterwards by `connect`.
 */
export async function completePinterestOAuth(input: OAuthCompletion): Promise<ConnectedAccount> {
  let tokens: TokenAnswer;
  try {
    tokens = await tokenRequest(input.baseUrl, input.clientId, input.clientSecret, { grant_type: 'authorization_code', code: input.code, redirect_uri: input.redirectUri });
  } catch (err) {
    if (err instanceof PublishError && err.kind === 'auth_expired') throw new PublishError('rejected', `Pinterest refused the authorization code: ${err.message}`, err.opts);
    throw err;
  }
  const account = await fetchUserAccount(input.baseUrl, tokens.access_token!);
  const id = account.id ?? account.username;
  const auth: ChannelAuth = { ...toAuth(tokens), userId: id, username: account.username, clientId: input.clientId, clientSecret: input.clientSecret };
  return { auth, account: { id, handle: account.username, displayName: account.business_name ?? account.username } };
}

export async function refreshPinterestAuth(ctx: ConnectorContext): Promise<ChannelAuth> {
  const { refreshToken, clientId, clientSecret } = ctx.auth;
  if (!refreshToken || !clientId || !clientSecret) throw new PublishError('auth_expired', 'the Pinterest sign-in cannot be refreshed (no refresh token or app credentials); connect the account again');
  let tokens: TokenAnswer;
  try {
    tokens = await tokenRequest(ctx.baseUrl, clientId, clientSecret, { grant_type: 'refresh_token', refresh_token: refreshToken });
  } catch (err) {
    // A refused refresh (400 invalid refresh token) means signing in again.
    if (err instanceof PublishError && err.kind === 'rejected') throw new PublishError('auth_expired', err.message, err.opts);
    throw err;
  }
  return { ...ctx.auth, ...toAuth(tokens) };
}

const refreshed = new WeakMap<ConnectorContext, ChannelAuth>();

/** The access token to use now: refreshed (and reported) when it expires within a minute. */
export async function freshAccessToken(ctx: ConnectorContext): Promise<string> {
  const auth = refreshed.get(ctx) ?? ctx.auth;
  const expiresAt = auth.expiresAt ? Date.parse(auth.expiresAt) : Number.NaN;
  if (auth.refreshToken && Number.isFinite(expiresAt) && expiresAt - Date.now() < REFRESH_MARGIN_MS) {
    const fresh = await refreshPinterestAuth({ ...ctx, auth });
    refreshed.set(ctx, fresh);
    await ctx.onAuthRefreshed(fresh);
    return fresh.accessToken!;
  }
  if (!auth.accessToken) throw new PublishError('auth_expired', 'no Pinterest access token; connect the account again');
  return auth.accessToken;
}
