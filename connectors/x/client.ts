import { Agent as HttpAgent } from 'node:http';
import { TwitterApi, type ITwitterApiClientPlugin } from 'twitter-api-v2';
import { PublishError, type ConnectorContext } from '../types';
import { classify } from './errors';

/** Where twitter-api-v2 sends every v2 call (globals.ts: API_V2_PREFIX, the OAuth 2 token URL). */
export const X_API_ORIGIN = 'https://api.x.com';

/**
 * twitter-api-v2 has no base-URL setting: its prefixes are constants. Its plugin hook
 * `onBeforeRequestConfig` receives the request parameters before the URL is parsed, so rewriting
 * `params.url` there redirects every call (v2 prefix, media upload, OAuth token) to another origin.
 * The library always calls `https.request`; a plain-HTTP origin (the loopback fixture server) also
 * needs an `http.Agent`, whose protocol Node's ClientRequest then accepts.
 */
function rebase(baseUrl: string): ITwitterApiClientPlugin {
  const target = baseUrl.replace(/\/+$/, '');
  return {
    onBeforeRequestConfig({ params }) {
      if (params.url.startsWith(X_API_ORIGIN)) params.url = target + params.url.slice(X_API_ORIGIN.length);
    },
  };
}

export function clientSettings(baseUrl?: string) {
  if (!baseUrl || baseUrl.replace(/\/+$/, '') === X_API_ORIGIN) return {};
  return { plugins: [rebase(baseUrl)], ...(baseUrl.startsWith('http:') ? { httpAgent: new HttpAgent({ keepAlive: false }) } : {}) };
}

export function userClient(ctx: ConnectorContext): TwitterApi {
  const token = ctx.auth.accessToken;
  if (!token) throw new PublishError('auth_expired', 'This X channel has no access token; reconnect it.');
  return new TwitterApi(token, clientSettings(ctx.baseUrl));
}

/** The account's own user id, stored at connect time. */
export function userIdOf(ctx: ConnectorContext): string {
  const id = ctx.auth.userId;
  if (!id) throw new PublishError('auth_expired', 'This X channel has no user id; reconnect it.');
  return id;
}

/** Runs one call and turns whatever it throws into a PublishError. */
export async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw classify(err);
  }
}

export function postUrl(username: string | undefined, id: string): string {
  return username ? `https://x.com/${username}/status/${id}` : `https://x.com/i/web/status/${id}`;
}
