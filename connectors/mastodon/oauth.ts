import { PublishError, type ConnectedAccount, type OAuthCompletion } from '../types';
import { normalizeInstance } from './client';
import { connectAccount } from './connect';
import { retryAfterOf } from './errors';

/** Every request gives up after this long (transient). */
const TIMEOUT_MS = 30_000;

/** A JSON call to an instance's app or token endpoint, its errors classified like masto's. */
async function call<T>(url: string, body: Record<string, string>): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    throw new PublishError('transient', `the instance could not be reached: ${(err as Error).message}`);
  }
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    /* not JSON: the status says enough */
  }
  if (res.ok) return json as T;
  const said = String(json.error_description ?? json.error ?? (text.slice(0, 200) || res.statusText));
  if (res.status === 429) throw new PublishError('rate_limited', said, { retryAfter: retryAfterOf(res.headers), networkCode: '429' });
  if (res.status >= 500) throw new PublishError('transient', said, { networkCode: String(res.status) });
  throw new PublishError('rejected', said, { networkCode: String(res.status) });
}

/**
 * Registers Tandem as an application on one instance (docs.joinmastodon.org/methods/apps/#create:
 * POST /api/v1/apps with client_name, redirect_uris, scopes, website → Application with client_id and
 * client_secret). The server keeps the answer per instance, so this runs once per instance.
 */
export async function registerApp(input: { baseUrl: string; redirectUri: string; scopes: string[]; clientName: string; website?: string }): Promise<{ clientId: string; clientSecret: string }> {
  const instance = normalizeInstance(input.baseUrl);
  const app = await call<{ client_id?: string; client_secret?: string }>(`${instance}/api/v1/apps`, {
    client_name: input.clientName,
    redirect_uris: input.redirectUri,
    scopes: input.scopes.join(' '),
    ...(input.website && { website: input.website }),
  });
  if (!app.client_id || !app.client_secret) throw new PublishError('rejected', 'the instance registered the app but sent no client id or secret');
  return { clientId: app.client_id, clientSecret: app.client_secret };
}

/**
 * The authorization code for a token (docs.joinmastodon.org/methods/oauth/#token, grant_type
 * authorization_code), then the account as with a typed token: verify_credentials and the
 * instance's limits. Mastodon's tokens do not expire: there is nothing to refresh.
 */
export async function completeMastodonOAuth(input: OAuthCompletion): Promise<ConnectedAccount> {
  if (!input.baseUrl) throw new PublishError('rejected', 'the instance of this sign-in is unknown');
  const instance = normalizeInstance(input.baseUrl);
  const token = await call<{ access_token?: string }>(`${instance}/oauth/token`, {
    grant_type: 'authorization_code',
    code: input.code,
    client_id: input.clientId,
    client_secret: input.clientSecret,
    redirect_uri: input.redirectUri,
    scope: 'read write',
  });
  if (!token.access_token) throw new PublishError('rejected', 'the instance sent no access token');
  return connectAccount({ instance, accessToken: token.access_token });
}
