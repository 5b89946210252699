import type { ConnectorContext } from '../types';
import { fromApiErrors, fromHttp, fromThrown, type RedditApiError } from './errors';
import { freshAccessToken, USER_AGENT } from './oauth';

export const API_BASE = 'https://oauth.reddit.com';
const TIMEOUT_MS = 30_000;

export function apiBase(ctx: { baseUrl?: string }): string {
  return (ctx.baseUrl ?? API_BASE).replace(/\/$/, '');
}

/**
 * One call to Reddit's OAuth API with the channel's bearer token (refreshed first when it is about
 * to expire). A form body is sent as `application/x-www-form-urlencoded` with `api_type=json`, so
 * failures come back as `json.errors` and are classified. Returns the parsed JSON.
 */
export async function redditCall<T>(ctx: ConnectorContext, method: 'GET' | 'POST', path: string, form?: Record<string, string>): Promise<T> {
  const token = await freshAccessToken(ctx);
  const init: RequestInit = {
    method,
    headers: { authorization: `bearer ${token}`, 'user-agent': USER_AGENT, ...(form && { 'content-type': 'application/x-www-form-urlencoded' }) },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  };
  if (form) init.body = new URLSearchParams({ api_type: 'json', ...form }).toString();
  let res: Response;
  let text: string;
  try {
    res = await fetch(`${apiBase(ctx)}${path}`, init);
    text = await res.text();
  } catch (err) {
    throw fromThrown(err);
  }
  const body = parseJson(text);
  if (!res.ok) throw fromHttp(res.status, res.headers, body);
  const errors = (body as { json?: { errors?: RedditApiError[] } } | undefined)?.json?.errors;
  if (Array.isArray(errors) && errors.length > 0) throw fromApiErrors(errors);
  return body as T;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return { message: text.slice(0, 200) };
  }
}
