import type { ConnectorContext } from '../types';
import { classifyPinterest, fromThrown, type PinterestErrorBody } from './errors';
import { freshAccessToken, v5 } from './oauth';

/**
 * One call to API v5 with the channel's token; JSON in, JSON out, failures classified. With
 * `missingIsNull`, a 404 (the object is gone) answers null instead of failing.
 */
export async function pinterestCall<T>(ctx: ConnectorContext, method: 'GET' | 'POST' | 'DELETE', path: string, json?: unknown, opts: { missingIsNull?: boolean } = {}): Promise<T> {
  const token = await freshAccessToken(ctx);
  let res: Response;
  let text: string;
  try {
    res = await fetch(`${v5(ctx.baseUrl)}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(json !== undefined && { 'content-type': 'application/json' }) },
      body: json === undefined ? undefined : JSON.stringify(json),
      signal: AbortSignal.timeout(60_000),
    });
    text = await res.text();
  } catch (err) {
    throw fromThrown(err);
  }
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = { message: text.slice(0, 300) };
  }
  if (res.status === 404 && opts.missingIsNull) return null as T;
  if (!res.ok) throw classifyPinterest(res.status, res.headers, body as PinterestErrorBody | undefined);
  return body as T;
}
