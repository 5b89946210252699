import { PublishError, type ChannelAuth, type ChannelCapabilities, type Connector, type ConnectorContext, type OAuthCompletion } from '../types';

/**
 * A test network that signs in with OAuth 2 (authorization code + PKCE, refresh tokens), publishing
 * into the sink's store. Its "server" is whatever speaks standard OAuth 2 at `<server>/oauth/token`
 * (RFC 6749 §4.1.3 and §6, client authentication by HTTP Basic, errors as in §5.2) and answers
 * `GET <server>/api/me` with `{ id, handle, displayName? }` for the token's account: tests run a small
 * loopback server; the sink never makes tokens up itself. Like an instance-based network, the server
 * comes from the connect form (`server`), so the same flow runs against any address.
 */
export function sinkOAuthCapabilities(base: ChannelCapabilities): ChannelCapabilities {
  return {
    ...base,
    network: 'sink-oauth',
    displayName: 'Local sink, OAuth sign-in (tests)',
    auth: 'oauth2_pkce',
    oauth: { authorizeUrl: 'http://127.0.0.1/oauth/authorize', tokenUrl: 'http://127.0.0.1/oauth/token', scopes: ['publish', 'read'], pkce: true },
    connectFields: [{ key: 'server', kind: 'url', required: true }],
  };
}

interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in?: number;
  refresh_token?: string;
}

export function sinkOAuthMethods(): Pick<Connector, 'connect' | 'completeOAuth' | 'refreshAuth'> {
  return {
    async connect() {
      throw new PublishError('rejected', 'This network signs in with OAuth: use "Connect with" instead of typing credentials.');
    },
    async completeOAuth(input: OAuthCompletion) {
      const server = serverOf(input.baseUrl ?? input.fields?.server);
      const tokens = await tokenCall(server, input.clientId, input.clientSecret, { grant_type: 'authorization_code', code: input.code, redirect_uri: input.redirectUri, ...(input.codeVerifier && { code_verifier: input.codeVerifier }) }, 'rejected');
      const me = await call<{ id: string; handle: string; displayName?: string }>(`${server}/api/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } }, 'rejected');
      return { auth: authOf(tokens, { account: me.handle, server }), account: { id: `sink:${me.id}`, handle: me.handle, displayName: me.displayName } };
    },
    async refreshAuth(ctx: ConnectorContext) {
      const { refreshToken } = ctx.auth;
      if (!refreshToken) throw new PublishError('auth_expired', 'This channel has no refresh token; reconnect it.');
      // The operator's app comes from the server's configuration, never from the channel's auth.
      if (!ctx.oauthClient?.clientId) throw new PublishError('auth_expired', 'This server has no OAuth app for the sink (set OAUTH_SINK_OAUTH_CLIENT_ID); the sign-in cannot be renewed.');
      const server = serverOf(ctx.baseUrl ?? ctx.auth.server);
      const tokens = await tokenCall(server, ctx.oauthClient.clientId, ctx.oauthClient.clientSecret, { grant_type: 'refresh_token', refresh_token: refreshToken }, 'auth_expired');
      const fresh = authOf(tokens, { ...ctx.auth, refreshToken });
      await ctx.onAuthRefreshed(fresh);
      return fresh;
    },
  };
}

function serverOf(base: string | undefined): string {
  if (!base) throw new PublishError('rejected', 'The OAuth sink needs its server address.');
  return base.replace(/\/$/, '');
}

function authOf(tokens: TokenResponse, keep: ChannelAuth): ChannelAuth {
  const auth: ChannelAuth = { ...keep, accessToken: tokens.access_token };
  if (tokens.refresh_token) auth.refreshToken = tokens.refresh_token;
  if (tokens.expires_in) auth.expiresAt = new Date(Date.now() + tokens.expires_in * 1000).toISOString();
  else delete auth.expiresAt;
  return auth;
}

/** A refused grant is `refusal` (a bad code is a rejected sign-in; a refused refresh means reconnecting). */
async function tokenCall(server: string, clientId: string, clientSecret: string, form: Record<string, string>, refusal: 'rejected' | 'auth_expired'): Promise<TokenResponse> {
  const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64');
  return call<TokenResponse>(`${server}/oauth/token`, { method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() }, refusal);
}

async function call<T>(url: string, init: RequestInit, refusal: 'rejected' | 'auth_expired'): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  } catch (err) {
    throw new PublishError('transient', `The OAuth sink could not be reached: ${(err as Error).message}`);
  }
  const text = await res.text();
  const body = (() => {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return {};
    }
  })();
  if (res.ok) return body as T;
  const message = [body.error, body.error_description].filter(Boolean).join(': ') || `HTTP ${res.status}`;
  if (res.status === 429) {
    const after = Number(res.headers.get('retry-after'));
    throw new PublishError('rate_limited', message, { retryAfter: new Date(Date.now() + (Number.isFinite(after) && after > 0 ? after : 60) * 1000) });
  }
  if (res.status >= 500) throw new PublishError('transient', message);
  if (res.status === 401 || body.error === 'invalid_grant' || body.error === 'invalid_token') throw new PublishError(refusal, message, { networkCode: String(body.error ?? res.status) });
  throw new PublishError('rejected', message, { networkCode: String(body.error ?? res.status) });
}
