import { ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import { PublishError } from '../types';

/** X's 15-minute windows: when a 429 carries no usable reset header, wait one window. */
const DEFAULT_RETRY_MS = 15 * 60_000;

type Problem = { title?: string; detail?: string; type?: string; status?: number; errors?: { message?: string; detail?: string; title?: string }[]; error?: unknown; error_description?: string };

/**
 * The network's own words: v2 answers with RFC 7807 problems (`detail`, `title`); older surfaces and
 * rate-limit answers with `errors[].message`; the OAuth token endpoint with `error_description`. Kept verbatim, never with the request (tokens) around it.
 */
export function problemMessage(data: unknown, status: number): string {
  const p = (data && typeof data === 'object' ? data : {}) as Problem;
  const first = p.errors?.[0];
  // twitter-api-v2 copies an OAuth `error` code into errors[0].message: the description says more.
  return p.detail || p.title || p.error_description || first?.detail || first?.message || first?.title || `X answered HTTP ${status}`;
}

function header(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const v = headers?.[name] ?? headers?.[name.toLowerCase()];
  return Array.isArray(v) ? String(v[0]) : v === undefined ? undefined : String(v);
}

/**
 * When to try again after a 429. A spent 24-hour cap (`x-user-limit-24hour-*`, `x-app-limit-24hour-*`)
 * outlasts the 15-minute window, so its reset wins; otherwise `x-rate-limit-reset` (Unix seconds).
 */
export function retryAfterOf(headers: Record<string, unknown> | undefined, now = Date.now()): Date {
  const resets: number[] = [];
  for (const scope of ['x-user-limit-24hour', 'x-app-limit-24hour']) {
    if (header(headers, `${scope}-remaining`) === '0') resets.push(Number(header(headers, `${scope}-reset`)));
  }
  if (!resets.some((r) => r > 0)) resets.push(Number(header(headers, 'x-rate-limit-reset')));
  const best = Math.max(...resets.filter((r) => Number.isFinite(r) && r > 0));
  if (Number.isFinite(best) && best * 1000 > now) return new Date(best * 1000);
  const after = Number(header(headers, 'retry-after'));
  if (Number.isFinite(after) && after > 0) return new Date(now + after * 1000);
  return new Date(now + DEFAULT_RETRY_MS);
}

/** Maps anything thrown while talking to X to a PublishError the publisher can act on. */
export function classify(err: unknown): PublishError {
  if (err instanceof PublishError) return err;
  if (err instanceof ApiResponseError) {
    const status = err.code;
    const message = problemMessage(err.data, status);
    const opts = { networkCode: String(status) };
    if (status === 429) return new PublishError('rate_limited', message, { ...opts, retryAfter: retryAfterOf(err.headers as Record<string, unknown>) });
    if (status === 401) return new PublishError('auth_expired', message, opts);
    if (status >= 500) return new PublishError('transient', message, opts);
    if (status === 400 && isInvalidGrant(err.data)) return new PublishError('auth_expired', message, { networkCode: 'invalid_request' });
    return new PublishError('rejected', message, opts);
  }
  if (err instanceof ApiRequestError) return new PublishError('transient', `X could not be reached: ${requestCause(err)}`);
  return new PublishError('transient', err instanceof Error ? err.message : String(err));
}

/** 1.29.1 builds the error with `{ error }` while its `requestError` getter reads `requestError`. */
function requestCause(err: ApiRequestError): string {
  const options = (err as unknown as { _options?: { error?: Error; requestError?: Error } })._options;
  return (options?.error ?? options?.requestError)?.message ?? err.message;
}

/** The token endpoint refuses a used or revoked refresh token with an OAuth error body, HTTP 400. */
function isInvalidGrant(data: unknown): boolean {
  const e = (data as { error?: unknown } | undefined)?.error;
  return e === 'invalid_request' || e === 'invalid_grant';
}

/** X refuses a post whose text repeats a recent one of the same account (HTTP 403). */
export function isDuplicate(err: unknown): boolean {
  return err instanceof ApiResponseError && err.code === 403 && /duplicate content/i.test(problemMessage(err.data, 403));
}
