import { MastoDeserializeError, MastoHttpError, MastoTimeoutError, MastoUnexpectedError } from 'masto';
import { PublishError } from '../types';

/**
 * Mastodon answers errors as `{"error": "..."}` (docs.joinmastodon.org/entities/Error) with standard
 * status codes; the status is what counts. Rate limits come with `X-RateLimit-Reset`, an ISO 8601
 * time (docs.joinmastodon.org/api/rate-limits); the default window is 5 minutes.
 */
const DEFAULT_RETRY_MS = 5 * 60_000;

/** The response headers behind a masto HTTP error (masto keeps the Response as the error's cause). */
export function headersOf(err: unknown): Headers | undefined {
  const cause = (err as { cause?: unknown } | null)?.cause;
  return cause instanceof Response ? cause.headers : undefined;
}

/**
 * When to try again: `X-RateLimit-Reset` (ISO 8601 on Mastodon; a Unix time in seconds on some
 * servers behind other software), else `Retry-After` (seconds), else the end of a default window.
 */
export function retryAfterOf(headers: Headers | undefined, now = Date.now()): Date {
  const reset = headers?.get('x-ratelimit-reset')?.trim();
  if (reset) {
    if (/^\d+(\.\d+)?$/.test(reset)) {
      const n = Number(reset);
      // A Unix time is ~1.7e9 or more; a small number is a delay in seconds.
      return new Date(n > 1e9 ? n * 1000 : now + n * 1000);
    }
    const at = Date.parse(reset);
    if (Number.isFinite(at)) return new Date(at);
  }
  const after = headers?.get('retry-after')?.trim();
  if (after) {
    const seconds = Number(after);
    if (Number.isFinite(seconds) && seconds >= 0) return new Date(now + seconds * 1000);
    const at = Date.parse(after);
    if (Number.isFinite(at)) return new Date(at);
  }
  return new Date(now + DEFAULT_RETRY_MS);
}

/** The network's own words, verbatim; the status code when it sent none. */
function messageOf(err: MastoHttpError): string {
  const text = typeof err.message === 'string' && err.message.trim() ? err.message : `HTTP ${err.statusCode}`;
  return err.description ? `${text}: ${err.description}` : text;
}

export function isNotFound(err: unknown): boolean {
  return err instanceof MastoHttpError && err.statusCode === 404;
}

/** Maps anything thrown while talking to a Mastodon instance to a PublishError the publisher can act on. */
export function classify(err: unknown): PublishError {
  if (err instanceof PublishError) return err;
  if (err instanceof MastoHttpError) {
    const status = err.statusCode;
    const message = messageOf(err);
    const opts = { networkCode: String(status) };
    // 401: the token was revoked (or the app deleted) on the instance; only the user can fix it.
    if (status === 401) return new PublishError('auth_expired', message, opts);
    if (status === 429) return new PublishError('rate_limited', message, { ...opts, retryAfter: retryAfterOf(headersOf(err)) });
    if (status === 408 || status >= 500) return new PublishError('transient', message, opts);
    // 422 (validation: too long, bad media, scheduling limits), 403 (disabled account, not permitted),
    // 404, 400, 410: asking again with the same request gets the same answer.
    return new PublishError('rejected', message, opts);
  }
  if (err instanceof MastoTimeoutError) return new PublishError('transient', `the instance did not answer in time: ${err.message}`);
  // An answer we could not read (an HTML error page from a proxy, a truncated body): the server is unwell.
  if (err instanceof MastoUnexpectedError || err instanceof MastoDeserializeError) {
    return new PublishError('transient', `unreadable answer from the instance: ${err.message}`);
  }
  // fetch's TypeError ("fetch failed"), DNS and connection errors: no answer at all. (masto 7.12
  // also fails with a TypeError when an error page is HTML: it cannot read `error` from it.)
  const message = err instanceof Error ? err.message : String(err);
  return new PublishError('transient', `no usable answer from the instance: ${message}`);
}

/** Runs one exchange with the instance, classifying whatever fails. */
export async function classified<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw classify(err);
  }
}
