import { createRestAPIClient, type mastodon } from 'masto';
import { PublishError, type ConnectorContext } from '../types';

export type MastoClient = mastodon.rest.Client;

/** What we keep for a Mastodon channel (sealed at rest by the server). */
export interface MastodonAuth {
  /** The instance's origin, e.g. `https://mastodon.social`. */
  instance: string;
  accessToken: string;
  /** Our account on the instance, stored at connect time (read again from the instance when absent). */
  accountId?: string;
  acct?: string;
}

/** Every request gives up after this long; masto turns the abort into MastoTimeoutError (transient). */
const REQUEST_TIMEOUT_MS = 30_000;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The instance's origin from what a user types: `mastodon.social`, `https://mastodon.social/`,
 * `https://mastodon.social/@someone` all give `https://mastodon.social`. Plain http is accepted only
 * for loopback addresses (local test instances): a token must never travel unencrypted.
 */
export function normalizeInstance(input: string): string {
  const raw = input.trim();
  if (!raw) throw new PublishError('rejected', 'the instance address is empty');
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    throw new PublishError('rejected', `not an instance address: ${raw}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new PublishError('rejected', `the instance must be reached over https: ${raw}`);
  }
  return url.origin;
}

export function parseAuth(ctx: ConnectorContext): MastodonAuth {
  const { instance, accessToken, accountId, acct } = ctx.auth;
  if (!accessToken || (!instance && !ctx.baseUrl)) {
    throw new PublishError('auth_expired', 'Mastodon channel data is incomplete; connect the account again');
  }
  return { instance: ctx.baseUrl ?? instance!, accessToken, accountId, acct };
}

export function clientFor(url: string, accessToken: string): MastoClient {
  return createRestAPIClient({ url, accessToken, timeout: REQUEST_TIMEOUT_MS });
}

/** A client on the channel's instance; `ctx.baseUrl` (tests, a live test instance) wins over the stored one. */
export function channelClient(ctx: ConnectorContext): { client: MastoClient; auth: MastodonAuth } {
  const auth = parseAuth(ctx);
  return { client: clientFor(auth.instance, auth.accessToken), auth };
}

/** Our account id and acct: from the stored auth, or asked of the instance once. */
export async function ourAccount(client: MastoClient, auth: MastodonAuth): Promise<{ id: string; acct: string }> {
  if (auth.accountId && auth.acct) return { id: auth.accountId, acct: auth.acct };
  const me = await client.v1.accounts.verifyCredentials();
  return { id: me.id, acct: me.acct };
}

/** Sends the network's Idempotency-Key header with a request (masto passes `requestInit` through to fetch). */
export function withIdempotencyKey(key: string) {
  return { requestInit: { headers: { 'Idempotency-Key': key } } };
}
