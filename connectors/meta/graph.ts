import { PublishError } from '../types';

/**
 * Meta's Graph-style HTTP conventions (Threads, Instagram, Facebook Pages): the access token travels as
 * the `access_token` parameter and POST parameters as a multipart form (what the references' `curl -F`
 * examples send), and every failure as `{"error": {"message", "type", "code", "error_subcode", "fbtrace_id", "is_transient"?}}`
 * (developers.facebook.com/docs/graph-api/guides/error-handling).
 */
export interface GraphError {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_user_title?: string;
  error_user_msg?: string;
  is_transient?: boolean;
  fbtrace_id?: string;
}

export type Params = Record<string, string | number | boolean | undefined>;

/** Throttling codes: 4 app, 17 user, 32 page, 613 custom rate limit; 80001–80014 business use case limits. */
const RATE_CODES = new Set([4, 17, 32, 613]);
/** Instagram content publishing subcodes: 2207042 the publishing limit is spent; 2207027 the media is not ready yet. */
const IG_QUOTA_SPENT = 2207042;
const IG_NOT_READY = 2207027;
/** Platform rate limits count calls over a rolling hour: when Meta gives no estimate, wait that long. */
export const DEFAULT_RETRY_MS = 60 * 60_000;

/** One Graph call; answers the parsed JSON body or throws a classified PublishError. */
export async function graphCall<T>(method: 'GET' | 'POST' | 'DELETE', url: string, params: Params, token?: string): Promise<T> {
  const fields: [string, string][] = Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)] as [string, string]]));
  if (token) fields.push(['access_token', token]);
  const target = new URL(url);
  const init: RequestInit = { method, signal: AbortSignal.timeout(60_000) };
  if (method === 'POST') {
    const form = new FormData();
    for (const [k, v] of fields) form.append(k, v);
    init.body = form;
  } else {
    for (const [k, v] of fields) target.searchParams.set(k, v);
  }
  let res: Response;
  try {
    res = await fetch(target, init);
  } catch (err) {
    // The URL carries the token: only the cause goes into the message.
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    throw new PublishError('transient', `The network could not be reached (${cause}).`);
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = undefined;
  }
  const error = (body as { error?: GraphError } | undefined)?.error;
  if (res.ok && body !== undefined && !error) return body as T;
  throw classifyGraph(res.status, error, res.headers);
}

/** Maps a Graph error (or an HTTP failure without one) to what the publisher should do. */
export function classifyGraph(status: number, error: GraphError | undefined, headers: Headers = new Headers(), now = Date.now()): PublishError {
  const code = error?.code;
  const networkCode = code === undefined ? String(status) : error?.error_subcode ? `${code}/${error.error_subcode}` : String(code);
  const message = messageOf(status, error);
  if (code === 190 || code === 102) return new PublishError('auth_expired', message, { networkCode });
  if (status === 429 || error?.error_subcode === IG_QUOTA_SPENT || (code !== undefined && (RATE_CODES.has(code) || (code >= 80001 && code <= 80014)))) {
    return new PublishError('rate_limited', message, { networkCode, retryAfter: retryAfterOf(headers, now) });
  }
  if (error?.is_transient || error?.error_subcode === IG_NOT_READY || code === 1 || code === 2 || status >= 500 || status === 0) return new PublishError('transient', message, { networkCode });
  return new PublishError('rejected', message, { networkCode });
}

/** Meta's message verbatim, with the text it shows users when it gives one. */
function messageOf(status: number, error: GraphError | undefined): string {
  if (!error?.message) return `The network answered HTTP ${status}.`;
  return error.error_user_msg && error.error_user_msg !== error.message ? `${error.message} (${error.error_user_msg})` : error.message;
}

/**
 * `X-Business-Use-Case-Usage` (Instagram, Pages) carries, per business object, a list of usages with
 * `estimated_time_to_regain_access` in minutes; `X-App-Usage` only percentages. The largest estimate wins.
 */
export function retryAfterOf(headers: Headers, now = Date.now()): Date {
  let minutes = 0;
  const buc = headers.get('x-business-use-case-usage');
  if (buc) {
    try {
      for (const usages of Object.values(JSON.parse(buc) as Record<string, { estimated_time_to_regain_access?: number }[]>)) {
        for (const u of usages ?? []) minutes = Math.max(minutes, Number(u.estimated_time_to_regain_access) || 0);
      }
    } catch {
      // An unreadable header leaves the default.
    }
  }
  const after = Number(headers.get('retry-after'));
  if (minutes > 0) return new Date(now + minutes * 60_000);
  if (Number.isFinite(after) && after > 0) return new Date(now + after * 1000);
  return new Date(now + DEFAULT_RETRY_MS);
}

/** True for "this object does not exist (any more)": code 100 with subcode 33, or code 803. */
export function isGone(err: unknown): boolean {
  const code = (err as PublishError | undefined)?.opts?.networkCode;
  return code === '100/33' || code === '803';
}
