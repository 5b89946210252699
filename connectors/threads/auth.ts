import { graphCall } from '../meta/graph';
import { exchangeCodeAt, longLivedToken, refreshLongLived, type LongLivedGrants } from '../meta/tokens';
import type { ChannelAuth, ConnectedAccount, ConnectorContext, OAuthCompletion } from '../types';
import { threadsApi, THREADS_VERSION } from './api';

/**
 * Threads' OAuth (developers.facebook.com/docs/threads/get-started): the code gives a short-lived token
 * (1 hour, `POST /oauth/access_token`), exchanged at once for a long-lived one (60 days), which renews
 * itself while valid. Nothing of the app is kept with the channel.
 */
const GRANTS: LongLivedGrants = { name: 'Threads', exchange: 'th_exchange_token', refresh: 'th_refresh_token' };

export async function completeOAuth(input: OAuthCompletion): Promise<ConnectedAccount> {
  const base = threadsApi.origin(input.baseUrl);
  const short = await exchangeCodeAt<{ access_token: string; user_id: string | number }>(`${base}/oauth/access_token`, input);
  const long = await longLivedToken(base, GRANTS, input.clientSecret, short.access_token);
  const me = await graphCall<{ id: string; username: string; name?: string }>('GET', `${base}/${THREADS_VERSION}/me`, { fields: 'id,username,name' }, long.accessToken);
  const auth: ChannelAuth = { ...long, userId: me.id, username: me.username };
  return { auth, account: { id: me.id, handle: me.username, displayName: me.name } };
}

/** A long-lived token that is at least 24 hours old and not expired gets 60 more days. */
export function refreshAuth(ctx: ConnectorContext): Promise<ChannelAuth> {
  return refreshLongLived(ctx, threadsApi.origin(ctx.baseUrl), GRANTS);
}
