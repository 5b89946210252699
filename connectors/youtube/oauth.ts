import { PublishError, type ChannelAuth, type ConnectedAccount, type ConnectorContext, type OAuthCompletion } from '../types';
import { classifyGoogle, classifyThrown, safeJson } from './errors';
import { youtubeApi } from './api';

const TOKEN_URL = 'https://oauth2.googleapis.com/token';
const REFRESH_MARGIN_MS = 60_000;

/** With a base address (tests, a proxy) Google's token endpoint is `<base>/token`. */
function tokenUrl(base?: string): string {
  return base ? `${base.replace(/\/$/, '')}/token` : TOKEN_URL;
}

interface TokenAnswer {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
  scope?: string;
}

async function tokenRequest(base: string | undefined, form: Record<string, string>): Promise<TokenAnswer> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(tokenUrl(base), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString(), signal: AbortSignal.timeout(30_000) });
    text = await res.text();
  } catch (err) {
    throw classifyThrown(err);
  }
  const body = safeJson(text);
  if (!res.ok) throw classifyGoogle(res.status, body);
  return body as TokenAnswer;
}

function toAuth(t: TokenAnswer): ChannelAuth {
  if (!t.access_token) throw new PublishError('transient', 'Google answered without an access token');
  const auth: ChannelAuth = { accessToken: t.access_token, expiresAt: new Date(Date.now() + (t.expires_in ?? 3600) * 1000).toISOString() };
  if (t.refresh_token) auth.refreshToken = t.refresh_token;
  if (t.scope) auth.scope = t.scope;
  return auth;
}

/**
 * Exchanges the code (with the PKCE verifier) at Google's token endpoint, then reads the signed-in
 * user's channel (channels.list mine=true). The app's client id and secret are kept in the sealed
 * auth because `refreshAuth` receives only the channel's auth.
 */
export async function completeYoutubeOAuth(input: OAuthCompletion): Promise<ConnectedAccount> {
  const form: Record<string, string> = { grant_type: 'authorization_code', code: input.code, redirect_uri: input.redirectUri, client_id: input.clientId, client_secret: input.clientSecret };
  if (input.codeVerifier) form.code_verifier = input.codeVerifier;
  let tokens: TokenAnswer;
  try {
    tokens = await tokenRequest(input.baseUrl, form);
  } catch (err) {
    // An unusable code is the user's to retry, not a channel whose sign-in expired.
    if (err instanceof PublishError && err.kind === 'auth_expired') throw new PublishError('rejected', err.message, err.opts);
    throw err;
  }
  const auth: ChannelAuth = { ...toAuth(tokens), clientId: input.clientId, clientSecret: input.clientSecret };
  const yt = youtubeApi({ baseUrl: input.baseUrl }, auth.accessToken!);
  const { data } = await yt.channels.list({ part: ['snippet,contentDetails'], mine: true }).catch((e: unknown) => Promise.reject(classifyThrown(e)));
  const channel = data.items?.[0];
  if (!channel?.id) throw new PublishError('rejected', 'this Google account has no YouTube channel: create one on YouTube, then connect again');
  auth.channelId = channel.id;
  const uploads = channel.contentDetails?.relatedPlaylists?.uploads;
  if (uploads) auth.uploadsPlaylistId = uploads;
  const title = channel.snippet?.title ?? channel.id;
  return { auth, account: { id: channel.id, handle: channel.snippet?.customUrl ?? title, displayName: title } };
}

/** New access token from the refresh token (Google keeps the refresh token, so the stored one stays). */
export async function refreshYoutubeAuth(ctx: ConnectorContext): Promise<ChannelAuth> {
  const { refreshToken, clientId, clientSecret } = ctx.auth;
  if (!refreshToken || !clientId || !clientSecret) throw new PublishError('auth_expired', 'the YouTube sign-in cannot be refreshed (no refresh token or app credentials); connect the channel again');
  const tokens = await tokenRequest(ctx.baseUrl, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId, client_secret: clientSecret });
  return { ...ctx.auth, ...toAuth(tokens) };
}

const refreshed = new WeakMap<ConnectorContext, ChannelAuth>();

/** The access token to use now: refreshed (and reported) when it expires within a minute. */
export async function freshAccessToken(ctx: ConnectorContext): Promise<string> {
  const auth = refreshed.get(ctx) ?? ctx.auth;
  const expiresAt = auth.expiresAt ? Date.parse(auth.expiresAt) : Number.NaN;
  if (auth.refreshToken && Number.isFinite(expiresAt) && expiresAt - Date.now() < REFRESH_MARGIN_MS) {
    const fresh = await refreshYoutubeAuth({ ...ctx, auth });
    refreshed.set(ctx, fresh);
    await ctx.onAuthRefreshed(fresh);
    return fresh.accessToken!;
  }
  if (!auth.accessToken) throw new PublishError('auth_expired', 'no YouTube access token; connect the channel again');
  return auth.accessToken;
}
