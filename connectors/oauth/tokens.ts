import { PublishError, type ChannelAuth, type ChannelCapabilities, type ConnectorContext, type OAuthCompletion } from '../types';
import { oauthApp, withoutAppCredentials, type OAuthApp } from './app';

/** A token endpoint's answer (RFC 6749 §5.1 and §5.2, with the fields networks add). */
export interface TokenAnswer {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
  /** Pinterest's name for the refresh token's lifetime; TikTok says `refresh_expires_in`. */
  refresh_token_expires_in?: number;
  refresh_expires_in?: number;
  scope?: string;
  error?: unknown;
  error_description?: string;
  [field: string]: unknown;
}

/**
 * How one network's token endpoint differs from the others, as data. The endpoint's address is the
 * manifest's `oauth.tokenUrl`; behind a base address (tests, a proxy) the same path is asked of it.
 */
export interface TokenEndpoint {
  capabilities: ChannelCapabilities;
  /** HTTP Basic (Reddit, Pinterest) or the client id and secret in the form (Google, TikTok). */
  clientAuth: 'basic' | 'form';
  /** The form's name for the client id (TikTok: `client_key`). */
  clientIdParam?: string;
  /** Headers the network wants on every call (Reddit: its User-Agent rule). */
  headers?: Record<string, string>;
  /** Lifetime assumed when the answer carries no `expires_in`, in seconds. */
  defaultExpiresIn: number;
  /** Answer fields kept in the auth under another name (TikTok: `open_id` → `openId`). */
  keep?: Record<string, string>;
  /** The network's own classification of a failed answer; its message is kept verbatim. */
  classify(status: number, headers: Headers, body: TokenAnswer): PublishError;
}

export function tokenUrl(ep: TokenEndpoint, baseUrl?: string): string {
  const url = ep.capabilities.oauth!.tokenUrl;
  if (!baseUrl) return url;
  const u = new URL(url);
  return `${baseUrl.replace(/\/+$/, '')}${u.pathname}${u.search}`;
}

async function post(ep: TokenEndpoint, baseUrl: string | undefined, app: OAuthApp, form: Record<string, string>): Promise<TokenAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', ...ep.headers };
  const body = new URLSearchParams(form);
  if (ep.clientAuth === 'basic') {
    headers.authorization = `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}`;
  } else {
    body.set(ep.clientIdParam ?? 'client_id', app.clientId);
    if (app.clientSecret) body.set('client_secret', app.clientSecret);
  }
  const name = ep.capabilities.displayName;
  let res: Response;
  let text: string;
  try {
    res = await fetch(tokenUrl(ep, baseUrl), { method: 'POST', headers, body: body.toString(), signal: AbortSignal.timeout(30_000) });
    text = await res.text();
  } catch (err) {
    const message = err instanceof Error ? `${err.message}${err.cause instanceof Error ? ` (${err.cause.message})` : ''}` : String(err);
    throw new PublishError('transient', `${name} could not be reached: ${message}`);
  }
  let answer: TokenAnswer;
  try {
    answer = text ? (JSON.parse(text) as TokenAnswer) : {};
  } catch {
    answer = { error_description: text.slice(0, 300) };
  }
  // Some endpoints (Reddit, TikTok) answer an OAuth error with HTTP 200.
  if (!res.ok || answer.error || !answer.access_token) throw ep.classify(res.status, res.headers, answer);
  return answer;
}

export function tokensToAuth(ep: TokenEndpoint, t: TokenAnswer, now = Date.now()): ChannelAuth {
  const auth: ChannelAuth = { accessToken: t.access_token!, expiresAt: new Date(now + (t.expires_in ?? ep.defaultExpiresIn) * 1000).toISOString() };
  if (t.refresh_token) auth.refreshToken = t.refresh_token;
  const refreshLifetime = t.refresh_token_expires_in ?? t.refresh_expires_in;
  if (refreshLifetime) auth.refreshExpiresAt = new Date(now + refreshLifetime * 1000).toISOString();
  if (t.scope) auth.scope = t.scope;
  for (const [from, to] of Object.entries(ep.keep ?? {})) if (typeof t[from] === 'string') auth[to] = t[from] as string;
  return auth;
}

const waitable = (e: PublishError) => e.kind === 'transient' || e.kind === 'rate_limited';

/**
 * Exchanges an authorization code (with the PKCE verifier when there is one). A refused code is the
 * user's to retry, not an expired channel: anything but a wait is `rejected`.
 */
export async function exchangeCode(ep: TokenEndpoint, input: OAuthCompletion): Promise<ChannelAuth> {
  const form: Record<string, string> = { grant_type: 'authorization_code', code: input.code, redirect_uri: input.redirectUri };
  if (input.codeVerifier) form.code_verifier = input.codeVerifier;
  try {
    return tokensToAuth(ep, await post(ep, input.baseUrl, { clientId: input.clientId, clientSecret: input.clientSecret }, form));
  } catch (err) {
    if (err instanceof PublishError && !waitable(err)) throw new PublishError('rejected', `${ep.capabilities.displayName} refused the authorization code: ${err.message}`, err.opts);
    throw err;
  }
}

/**
 * New tokens from the channel's refresh token with the operator's app (`ctx.oauthClient`). A kept
 * refresh token stays when the answer has none; a refusal means signing in again (`auth_expired`).
 */
export async function refreshTokens(ep: TokenEndpoint, ctx: ConnectorContext): Promise<ChannelAuth> {
  const name = ep.capabilities.displayName;
  const { refreshToken } = ctx.auth;
  if (!refreshToken) throw new PublishError('auth_expired', `This ${name} channel has no refresh token; connect it again.`);
  const app = oauthApp(ctx, ep.capabilities, { secret: true });
  try {
    const answer = await post(ep, ctx.baseUrl, app, { grant_type: 'refresh_token', refresh_token: refreshToken });
    return { ...withoutAppCredentials(ctx.auth), ...tokensToAuth(ep, answer) };
  } catch (err) {
    if (err instanceof PublishError && !waitable(err)) throw new PublishError('auth_expired', `${name} refused to renew the sign-in: ${err.message}`, err.opts);
    throw err;
  }
}
