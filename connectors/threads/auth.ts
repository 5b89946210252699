import { PublishError, type ChannelAuth, type ConnectedAccount, type ConnectorContext, type OAuthCompletion } from '../types';
import { origin, THREADS_VERSION } from './api';
import { graphCall } from './graph';

/**
 * Threads' OAuth (developers.facebook.com/docs/threads/get-started): the code gives a short-lived token
 * (1 hour, `POST /oauth/access_token`), exchanged at once for a long-lived one (60 days,
 * `GET /access_token?grant_type=th_exchange_token`), which `GET /refresh_access_token` renews while valid.
 */
interface LongLived {
  access_token: string;
  token_type: string;
  expires_in: number;
}

const expiry = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

export async function completeOAuth(input: OAuthCompletion): Promise<ConnectedAccount> {
  const base = origin(input.baseUrl);
  const short = await graphCall<{ access_token: string; user_id: string | number }>('POST', `${base}/oauth/access_token`, {
    client_id: input.clientId,
    client_secret: input.clientSecret,
    grant_type: 'authorization_code',
    redirect_uri: input.redirectUri,
    code: input.code,
  });
  const long = await graphCall<LongLived>('GET', `${base}/access_token`, { grant_type: 'th_exchange_token', client_secret: input.clientSecret }, short.access_token);
  const me = await graphCall<{ id: string; username: string; name?: string }>('GET', `${base}/${THREADS_VERSION}/me`, { fields: 'id,username,name' }, long.access_token);
  const auth: ChannelAuth = { accessToken: long.access_token, expiresAt: expiry(long.expires_in), userId: me.id, username: me.username };
  return { auth, account: { id: me.id, handle: me.username, displayName: me.name } };
}

/** A long-lived token that is at least 24 hours old and not expired gets 60 more days. */
export async function refreshAuth(ctx: ConnectorContext): Promise<ChannelAuth> {
  if (!ctx.auth.accessToken) throw new PublishError('auth_expired', 'This Threads channel has no access token; reconnect it.');
  const fresh = await graphCall<LongLived>('GET', `${origin(ctx.baseUrl)}/refresh_access_token`, { grant_type: 'th_refresh_token' }, ctx.auth.accessToken);
  const auth: ChannelAuth = { ...ctx.auth, accessToken: fresh.access_token, expiresAt: expiry(fresh.expires_in) };
  await ctx.onAuthRefreshed(auth);
  return auth;
}
