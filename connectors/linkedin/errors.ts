import { PublishError } from '../types';

/** {"status","serviceErrorCode","code","message"} (https://learn.microsoft.com/linkedin/shared/api-guide/concepts/error-handling). */
export interface LinkedInErrorBody {
  status?: number;
  serviceErrorCode?: number;
  code?: string;
  message?: string;
  /** The OAuth endpoints answer {"error","error_description"} instead. */
  error?: string;
  error_description?: string;
}

/** LinkedIn's daily limits reset at 00:00 UTC and a 429 carries no reset header. */
export function nextUtcMidnight(now = Date.now()): Date {
  const d = new Date(now);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1));
}

export function classifyLinkedIn(status: number, body: LinkedInErrorBody | undefined, now = Date.now()): PublishError {
  const message = body?.message ?? body?.error_description ?? `LinkedIn answered HTTP ${status}`;
  // HTTP status first (what callers branch on), then LinkedIn's own code when it gives one.
  const own = body?.code ?? body?.error ?? body?.serviceErrorCode;
  const opts = { networkCode: own === undefined ? String(status) : `${status}:${own}` };
  if (status === 401) return new PublishError('auth_expired', message, opts);
  if (status === 429) return new PublishError('rate_limited', message, { ...opts, retryAfter: nextUtcMidnight(now) });
  if (status >= 500 || status < 400) return new PublishError('transient', message, opts);
  return new PublishError('rejected', message, opts);
}
