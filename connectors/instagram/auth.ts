import { graphCall } from '../meta/graph';
import { exchangeCodeAt, longLivedToken, refreshLongLived, type LongLivedGrants } from '../meta/tokens';
import { PublishError, type ChannelAuth, type ConnectedAccount, type ConnectorContext, type OAuthCompletion } from '../types';
import { IG_VERSION, igApi, OAUTH_ORIGIN } from './api';

/**
 * Business Login for Instagram: the code gives a short-lived token (`POST api.instagram.com/oauth/access_token`,
 * 1 hour), exchanged for a long-lived one on graph.instagram.com (60 days) that renews itself while valid.
 * Nothing of the app is kept with the channel.
 */
const GRANTS: LongLivedGrants = { name: 'Instagram', exchange: 'ig_exchange_token', refresh: 'ig_refresh_token' };
type ShortLived = { access_token: string; user_id: string | number; permissions?: string };

export async function completeOAuth(input: OAuthCompletion): Promise<ConnectedAccount> {
  const res = await exchangeCodeAt<ShortLived | { data: ShortLived[] }>(`${(input.baseUrl ?? OAUTH_ORIGIN).replace(/\/+$/, '')}/oauth/access_token`, input);
  // The Business Login reference wraps the answer in `data`; the older Basic Display answer was flat.
  const short = 'data' in res ? res.data[0] : res;
  if (!short?.access_token) throw new PublishError('rejected', 'Instagram answered the code exchange without a token.');
  const graph = igApi.origin(input.baseUrl);
  const long = await longLivedToken(graph, GRANTS, input.clientSecret, short.access_token);
  const me = await graphCall<{ id: string; user_id?: string; username: string; name?: string }>('GET', `${graph}/${IG_VERSION}/me`, { fields: 'user_id,username,name' }, long.accessToken);
  const userId = me.user_id ?? String(short.user_id);
  const auth: ChannelAuth = { ...long, userId, username: me.username };
  return { auth, account: { id: userId, handle: me.username, displayName: me.name } };
}

export function refreshAuth(ctx: ConnectorContext): Promise<ChannelAuth> {
  return refreshLongLived(ctx, igApi.origin(ctx.baseUrl), GRANTS);
}
