import { PublishError, type ChannelAuth, type ConnectedAccount, type ConnectorContext, type OAuthCompletion } from '../types';
import { graphCall } from '../threads/graph';
import { GRAPH_ORIGIN, IG_VERSION, OAUTH_ORIGIN, origin } from './api';

/**
 * Business Login for Instagram: the code gives a short-lived token (`POST api.instagram.com/oauth/access_token`,
 * 1 hour), exchanged for a long-lived one (`GET graph.instagram.com/access_token?grant_type=ig_exchange_token`,
 * 60 days) that `GET /refresh_access_token?grant_type=ig_refresh_token` renews while valid.
 */
interface LongLived {
  access_token: string;
  token_type: string;
  expires_in: number;
}
type ShortLived = { access_token: string; user_id: string | number; permissions?: string };

const expiry = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

export async function completeOAuth(input: OAuthCompletion): Promise<ConnectedAccount> {
  const res = await graphCall<ShortLived | { data: ShortLived[] }>('POST', `${origin(input.baseUrl, OAUTH_ORIGIN)}/oauth/access_token`, {
    client_id: input.clientId,
    client_secret: input.clientSecret,
    grant_type: 'authorization_code',
    redirect_uri: input.redirectUri,
    code: input.code,
  });
  // The Business Login reference wraps the answer in `data`; the older Basic Display answer was flat.
  const short = 'data' in res ? res.data[0] : res;
  if (!short?.access_token) throw new PublishError('rejected', 'Instagram answered the code exchange without a token.');
  const graph = origin(input.baseUrl, GRAPH_ORIGIN);
  const long = await graphCall<LongLived>('GET', `${graph}/access_token`, { grant_type: 'ig_exchange_token', client_secret: input.clientSecret }, short.access_token);
  const me = await graphCall<{ id: string; user_id?: string; username: string; name?: string }>('GET', `${graph}/${IG_VERSION}/me`, { fields: 'user_id,username,name' }, long.access_token);
  const userId = me.user_id ?? String(short.user_id);
  const auth: ChannelAuth = { accessToken: long.access_token, expiresAt: expiry(long.expires_in), userId, username: me.username };
  return { auth, account: { id: userId, handle: me.username, displayName: me.name } };
}

export async function refreshAuth(ctx: ConnectorContext): Promise<ChannelAuth> {
  if (!ctx.auth.accessToken) throw new PublishError('auth_expired', 'This Instagram channel has no access token; reconnect it.');
  const fresh = await graphCall<LongLived>('GET', `${origin(ctx.baseUrl, GRAPH_ORIGIN)}/refresh_access_token`, { grant_type: 'ig_refresh_token' }, ctx.auth.accessToken);
  const auth: ChannelAuth = { ...ctx.auth, accessToken: fresh.access_token, expiresAt: expiry(fresh.expires_in) };
  await ctx.onAuthRefreshed(auth);
  return auth;
}
