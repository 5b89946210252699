import { PublishError } from '../types';

/** Google's error body (https://developers.google.com/youtube/v3/docs/errors). */
export interface GoogleErrorBody {
  error?: { code?: number; message?: string; status?: string; errors?: { reason?: string; domain?: string; message?: string }[] } | string;
  error_description?: string;
}

/** The daily quota resets at midnight Pacific time. */
export function nextPacificMidnight(now = new Date()): Date {
  const wall = (ms: number) => {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(ms));
    const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    return ((n('hour') * 60 + n('minute')) * 60 + n('second')) * 1000 + new Date(ms).getMilliseconds();
  };
  const DAY = 86_400_000;
  let candidate = now.getTime() - wall(now.getTime()) + DAY;
  // A day with a daylight-saving change is 23 or 25 hours long: land on the wall clock's midnight.
  const off = wall(candidate);
  if (off !== 0) candidate += off < DAY / 2 ? -off : DAY - off;
  return new Date(candidate);
}

const QUOTA_REASONS = new Set(['quotaExceeded', 'dailyLimitExceeded']);
const SHORT_RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded']);
const AUTH_REASONS = new Set(['authError', 'invalid_grant', 'youtubeSignupRequired']);
const TRANSIENT_REASONS = new Set(['backendError', 'internalError']);

/** Classifies an HTTP failure with Google's error body; the message is Google's, verbatim. */
export function classifyGoogle(status: number, body: GoogleErrorBody | undefined, now = new Date()): PublishError {
  const e = typeof body?.error === 'object' ? body.error : undefined;
  const reason = e?.errors?.[0]?.reason ?? (typeof body?.error === 'string' ? body.error : undefined);
  const message = e?.message ?? body?.error_description ?? (typeof body?.error === 'string' ? body.error : undefined) ?? `YouTube answered HTTP ${status}`;
  const opts = { networkCode: reason ?? String(status) };
  if (reason && QUOTA_REASONS.has(reason)) return new PublishError('rate_limited', message, { ...opts, retryAfter: nextPacificMidnight(now) });
  // The per-channel upload cap is a rolling 24 hours ("try again in 24 hours").
  if (reason === 'uploadLimitExceeded') return new PublishError('rate_limited', message, { ...opts, retryAfter: new Date(now.getTime() + 86_400_000) });
  if ((reason && SHORT_RATE_REASONS.has(reason)) || status === 429) return new PublishError('rate_limited', message, { ...opts, retryAfter: new Date(now.getTime() + 60_000) });
  if (status === 401 || (reason && AUTH_REASONS.has(reason))) return new PublishError('auth_expired', message, opts);
  if (status >= 500 || (reason && TRANSIENT_REASONS.has(reason))) return new PublishError('transient', message, opts);
  return new PublishError('rejected', message, opts);
}

interface GaxiosLike {
  status?: number;
  response?: { status?: number; data?: unknown };
  message?: string;
}

/** Anything thrown by the Google client or fetch, as a PublishError. */
export function classifyThrown(err: unknown): PublishError {
  if (err instanceof PublishError) return err;
  const g = err as GaxiosLike;
  const status = g?.response?.status ?? g?.status;
  if (typeof status === 'number' && status > 0) {
    const data = g.response?.data;
    const body = typeof data === 'string' ? safeJson(data) : (data as GoogleErrorBody | undefined);
    return classifyGoogle(status, body);
  }
  const message = err instanceof Error ? `${err.message}${err.cause instanceof Error ? ` (${err.cause.message})` : ''}` : String(err);
  return new PublishError('transient', `YouTube could not be reached: ${message}`);
}

export function safeJson(text: string): GoogleErrorBody | undefined {
  try {
    return JSON.parse(text) as GoogleErrorBody;
  } catch {
    return text ? { error_description: text.slice(0, 300) } : undefined;
  }
}
