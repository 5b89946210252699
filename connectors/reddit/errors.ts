import { PublishError } from '../types';

/** One entry of Reddit's `json.errors`: [code, message, field]. */
export type RedditApiError = [string, string, string?];

const DEFAULT_RETRY_MS = 60_000;
const UNIT_MS: Record<string, number> = { second: 1000, minute: 60_000, hour: 3_600_000 };

/**
 * "you are doing that too much. try again in 5 minutes." → now + 5 min. Reddit words the wait
 * ("9 seconds", "1 minute", "an hour"); an unreadable one waits a minute.
 */
export function retryAfterFromMessage(message: string, now = Date.now()): Date {
  const m = /try again in (\d+|an?) (second|minute|hour)s?/i.exec(message);
  if (!m) return new Date(now + DEFAULT_RETRY_MS);
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : 1;
  return new Date(now + n * UNIT_MS[m[2]!.toLowerCase()]!);
}

/** `X-Ratelimit-Reset` is the number of seconds until the current window ends. */
export function retryAfterFromHeaders(headers: Headers, now = Date.now()): Date {
  const reset = Number(headers.get('x-ratelimit-reset'));
  if (Number.isFinite(reset) && reset >= 0 && headers.get('x-ratelimit-reset') !== null) return new Date(now + Math.ceil(reset) * 1000);
  const after = Number(headers.get('retry-after'));
  if (Number.isFinite(after) && after >= 0 && headers.get('retry-after') !== null) return new Date(now + after * 1000);
  return new Date(now + DEFAULT_RETRY_MS);
}

/** A failed `api_type=json` answer (HTTP 200 with errors): rate limit or a refusal, kept verbatim. */
export function fromApiErrors(errors: RedditApiError[]): PublishError {
  const rate = errors.find((e) => e[0] === 'RATELIMIT');
  if (rate) return new PublishError('rate_limited', rate[1], { networkCode: 'RATELIMIT', retryAfter: retryAfterFromMessage(rate[1]) });
  const text = errors.map(([code, message, field]) => `${code}: ${message}${field ? ` (${field})` : ''}`).join('; ');
  return new PublishError('rejected', text, { networkCode: errors[0]?.[0] });
}

/** A non-2xx HTTP answer. Reddit's own bodies are `{"message": "Forbidden", "error": 403}`. */
export function fromHttp(status: number, headers: Headers, body: unknown): PublishError {
  const b = (body ?? {}) as { message?: unknown; error?: unknown; reason?: unknown; explanation?: unknown };
  const parts = [b.message, b.reason, b.explanation].filter((p): p is string => typeof p === 'string' && p.length > 0);
  const message = `Reddit answered ${status}${parts.length ? `: ${parts.join(' — ')}` : ''}`;
  const opts = { networkCode: String(status) };
  if (status === 401) return new PublishError('auth_expired', message, opts);
  if (status === 429) return new PublishError('rate_limited', message, { ...opts, retryAfter: retryAfterFromHeaders(headers) });
  if (status >= 500) return new PublishError('transient', message, opts);
  return new PublishError('rejected', message, opts);
}

/** Network failures (refused connection, reset, timeout) never reached Reddit's answer: transient. */
export function fromThrown(err: unknown): PublishError {
  if (err instanceof PublishError) return err;
  const message = err instanceof Error ? `${err.message}${err.cause instanceof Error ? ` (${err.cause.message})` : ''}` : String(err);
  return new PublishError('transient', `Reddit could not be reached: ${message}`);
}
