import { PublishError, type ChannelAuth, type ConnectedAccount, type ConnectorContext, type OAuthCompletion } from '../types';
import { fromHttp, fromThrown } from './errors';

/** Reddit refuses generic user agents; its rules ask for "<platform>:<app id>:<version>". */
export const USER_AGENT = 'node:tandem-social:1.0 (self-hosted social media manager)';

/** Reddit's token endpoint is on www.reddit.com, the API on oauth.reddit.com. */
const TOKEN_BASE = 'https://www.reddit.com';
const API_BASE = 'https://oauth.reddit.com';
const TOKEN_PATH = '/api/v1/access_token';
/** Refresh when less than this is left, so a call never starts with a token about to die. */
const REFRESH_MARGIN_MS = 60_000;

interface TokenAnswer {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
  scope?: string;
  error?: string;
}

async function tokenRequest(base: string, clientId: string, clientSecret: string, form: Record<string, string>): Promise<{ status: number; headers: Headers; body: TokenAnswer }> {
  try {
    const res = await fetch(`${base.replace(/\/$/, '')}${TOKEN_PATH}`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': USER_AGENT,
      },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as TokenAnswer) : {} };
  } catch (err) {
    throw fromThrown(err);
  }
}

function tokensToAuth(body: TokenAnswer, now = Date.now()): ChannelAuth {
  const auth: ChannelAuth = { accessToken: body.access_token!, expiresAt: new Date(now + (body.expires_in ?? 3600) * 1000).toISOString() };
  if (body.refresh_token) auth.refreshToken = body.refresh_token;
  if (body.scope) auth.scope = body.scope;
  return auth;
}

/**
 * Exchanges the authorization code, then reads who signed in (/api/v1/me). The app's client id and
 * secret are kept with the channel's sealed auth: refreshing needs them and `refreshAuth` gets only
 * the channel's auth. The subreddit (connect field) is merged in by the server after this returns.
 */
export async function completeRedditOAuth(input: OAuthCompletion): Promise<ConnectedAccount> {
  const { status, headers, body } = await tokenRequest(input.baseUrl ?? TOKEN_BASE, input.clientId, input.clientSecret, {
    grant_type: 'authorization_code',
    code: input.code,
    redirect_uri: input.redirectUri,
  });
  if (status !== 200 || body.error || !body.access_token) {
    if (status >= 500 || status === 429) throw fromHttp(status, headers, body);
    throw new PublishError('rejected', `Reddit refused the authorization code: ${body.error ?? `HTTP ${status}`}`, { networkCode: body.error });
  }
  const me = await fetchMe(input.baseUrl ?? API_BASE, body.access_token);
  const auth: ChannelAuth = { ...tokensToAuth(body), username: me.name, userId: `t2_${me.id}`, clientId: input.clientId, clientSecret: input.clientSecret };
  return { auth, account: { id: `t2_${me.id}`, handle: me.name } };
}

async function fetchMe(base: string, token: string): Promise<{ name: string; id: string }> {
  let res: Response;
  let body: { name?: string; id?: string };
  try {
    res = await fetch(`${base.replace(/\/$/, '')}/api/v1/me`, { headers: { authorization: `bearer ${token}`, 'user-agent': USER_AGENT }, signal: AbortSignal.timeout(30_000) });
    body = (await res.json()) as { name?: string; id?: string };
  } catch (err) {
    throw fromThrown(err);
  }
  if (!res.ok) throw fromHttp(res.status, res.headers, body);
  if (!body.name || !body.id) throw new PublishError('rejected', 'Reddit did not say which account signed in');
  return { name: body.name, id: body.id };
}

/** New tokens from the refresh token; Reddit keeps the refresh token, so the stored one stays. */
export async function refreshRedditAuth(ctx: ConnectorContext): Promise<ChannelAuth> {
  const { refreshToken, clientId, clientSecret } = ctx.auth;
  if (!refreshToken) throw new PublishError('auth_expired', 'Reddit gave no refresh token (the grant was not permanent); connect the account again');
  if (!clientId || !clientSecret) throw new PublishError('auth_expired', 'the app credentials for refreshing are missing; connect the account again');
  const { status, headers, body } = await tokenRequest(ctx.baseUrl ?? TOKEN_BASE, clientId, clientSecret, { grant_type: 'refresh_token', refresh_token: refreshToken });
  if (status >= 500 || status === 429) throw fromHttp(status, headers, body);
  if (status !== 200 || body.error || !body.access_token) {
    throw new PublishError('auth_expired', `Reddit refused to refresh the sign-in: ${body.error ?? `HTTP ${status}`}`, { networkCode: body.error });
  }
  return { ...ctx.auth, ...tokensToAuth(body) };
}

const refreshed = new WeakMap<ConnectorContext, ChannelAuth>();

/** The access token to use now: refreshed (and reported) when it expires within a minute. */
export async function freshAccessToken(ctx: ConnectorContext): Promise<string> {
  const auth = refreshed.get(ctx) ?? ctx.auth;
  const expiresAt = auth.expiresAt ? Date.parse(auth.expiresAt) : Number.NaN;
  if (auth.refreshToken && Number.isFinite(expiresAt) && expiresAt - Date.now() < REFRESH_MARGIN_MS) {
    const fresh = await refreshRedditAuth({ ...ctx, auth });
    refreshed.set(ctx, fresh);
    await ctx.onAuthRefreshed(fresh);
    return fresh.accessToken!;
  }
  if (!auth.accessToken) throw new PublishError('auth_expired', 'no Reddit access token; connect the account again');
  return auth.accessToken;
}
