import { PublishError, type ChannelAuth, type ConnectorContext, type OAuthCompletion } from '../types';
import { graphCall } from './graph';

/**
 * Long-lived user tokens of Threads and Instagram (60 days): a short-lived token from the code exchange
 * is traded with the app secret (`GET /access_token?grant_type=<x>_exchange_token`), and a long-lived
 * one that is at least a day old renews itself with no app credentials
 * (`GET /refresh_access_token?grant_type=<x>_refresh_token`).
 */
export interface LongLivedGrants {
  /** The network's name, in messages. */
  name: string;
  exchange: string;
  refresh: string;
}

interface LongLived {
  access_token: string;
  token_type?: string;
  expires_in: number;
}

const expiry = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

/** The code exchange (`POST …/oauth/access_token`, app credentials in the form): a short-lived token. */
export function exchangeCodeAt<T>(url: string, input: OAuthCompletion): Promise<T> {
  return graphCall<T>('POST', url, { client_id: input.clientId, client_secret: input.clientSecret, grant_type: 'authorization_code', redirect_uri: input.redirectUri, code: input.code });
}

export async function longLivedToken(origin: string, grants: LongLivedGrants, clientSecret: string, shortToken: string): Promise<{ accessToken: string; expiresAt: string }> {
  const long = await graphCall<LongLived>('GET', `${origin}/access_token`, { grant_type: grants.exchange, client_secret: clientSecret }, shortToken);
  return { accessToken: long.access_token, expiresAt: expiry(long.expires_in) };
}

/** Renews the channel's long-lived token; an expired or revoked one is `auth_expired` (Graph code 190). */
export async function refreshLongLived(ctx: ConnectorContext, origin: string, grants: LongLivedGrants): Promise<ChannelAuth> {
  if (!ctx.auth.accessToken) throw new PublishError('auth_expired', `This ${grants.name} channel has no access token; reconnect it.`);
  const fresh = await graphCall<LongLived>('GET', `${origin}/refresh_access_token`, { grant_type: grants.refresh }, ctx.auth.accessToken);
  const auth: ChannelAuth = { ...ctx.auth, accessToken: fresh.access_token, expiresAt: expiry(fresh.expires_in) };
  await ctx.onAuthRefreshed(auth);
  return auth;
}
