import type { ConnectorContext } from '../types';
import { classifyTiktok, fromThrown, type TiktokEnvelope } from './errors';
import { apiBase, freshAccessToken } from './oauth';

/**
 * One call to the v2 API with the channel's token. TikTok answers `{data, error}`; anything but
 * `error.code == "ok"` is a failure, whatever the HTTP status. Returns `data`. `beforeParse` may
 * rewrite the raw JSON first (post ids are int64 numbers, beyond what a JS number holds exactly).
 */
export async function tiktokCall<T>(ctx: ConnectorContext, method: 'GET' | 'POST', path: string, json?: unknown, beforeParse: (text: string) => string = (t) => t): Promise<T> {
  const token = await freshAccessToken(ctx);
  let res: Response;
  let body: TiktokEnvelope<T> | undefined;
  try {
    res = await fetch(`${apiBase(ctx.baseUrl)}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(method === 'POST' && { 'content-type': 'application/json; charset=UTF-8' }) },
      body: json === undefined ? undefined : JSON.stringify(json),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await res.text();
    try {
      body = text ? (JSON.parse(beforeParse(text)) as TiktokEnvelope<T>) : undefined;
    } catch {
      body = { error: { code: `http_${res.status}`, message: text.slice(0, 300) } };
    }
  } catch (err) {
    throw fromThrown(err);
  }
  if (!res.ok || (body?.error?.code !== undefined && body.error.code !== 'ok')) throw classifyTiktok(res.status, body);
  return (body?.data ?? {}) as T;
}
