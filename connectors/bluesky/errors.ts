import { XRPCError } from '@atproto/api';
import { PublishError } from '../types';

/** XRPC error names that mean the stored session is no longer usable as is. */
const AUTH_ERRORS = new Set(['ExpiredToken', 'InvalidToken', 'AuthenticationRequired', 'AuthMissing']);
/** The account itself cannot post: retrying will not help. */
const ACCOUNT_ERRORS = new Set(['AccountTakedown', 'AccountDeactivated', 'RepoTakendown', 'RepoDeactivated', 'RepoSuspended']);
const DEFAULT_RETRY_MS = 60_000;

export function isAuthError(err: unknown): boolean {
  return err instanceof XRPCError && (err.status === 401 || AUTH_ERRORS.has(err.error));
}

function header(err: XRPCError, name: string): string | undefined {
  const headers = err.headers ?? {};
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** `ratelimit-reset` is a Unix time in seconds; `retry-after` (if a proxy sends one) is seconds from now. */
export function retryAfterOf(err: XRPCError, now = Date.now()): Date {
  const reset = Number(header(err, 'ratelimit-reset'));
  if (Number.isFinite(reset) && reset > 0) return new Date(reset * 1000);
  const after = Number(header(err, 'retry-after'));
  if (Number.isFinite(after) && after >= 0) return new Date(now + after * 1000);
  return new Date(now + DEFAULT_RETRY_MS);
}

/** Maps anything thrown while talking to Bluesky to a PublishError the publisher can act on. */
export function classify(err: unknown): PublishError {
  if (err instanceof PublishError) return err;
  if (err instanceof XRPCError) {
    const opts = { networkCode: err.error };
    const message = err.message || err.error;
    if (err.status === 429 || err.error === 'RateLimitExceeded') {
      return new PublishError('rate_limited', message, { ...opts, retryAfter: retryAfterOf(err) });
    }
    if (isAuthError(err)) return new PublishError('auth_expired', message, opts);
    if (ACCOUNT_ERRORS.has(err.error)) return new PublishError('rejected', message, opts);
    // 1 = Unknown (the request never got an answer), 2 = an answer that failed validation.
    if (err.status >= 500 || err.status < 200) return new PublishError('transient', message, opts);
    if (err.status >= 400) return new PublishError('rejected', message, opts);
    return new PublishError('transient', message, opts);
  }
  const message = err instanceof Error ? err.message : String(err);
  return new PublishError('transient', message);
}
