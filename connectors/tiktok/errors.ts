import { PublishError } from '../types';

/** TikTok API v2 envelope (https://developers.tiktok.com/doc/tiktok-api-v2-error-handling). */
export interface TiktokEnvelope<T = unknown> {
  data?: T;
  error?: { code?: string; message?: string; log_id?: string };
}

const MINUTE = 60_000;
const DAY = 86_400_000;

const AUTH = new Set(['access_token_invalid', 'scope_not_authorized', 'scope_permission_missed', 'auth_removed']);
/** The per-token request rate: a minute's wait. */
const SHORT_RATE = new Set(['rate_limit_exceeded']);
/** Daily caps (posts per creator, active posting users per app): a day's wait. */
const DAILY_CAP = new Set(['spam_risk_too_many_posts', 'reached_active_user_cap', 'spam_risk_too_many_pending_share']);
const TRANSIENT = new Set(['internal_error', 'internal']);

/** Classifies a TikTok error code (the API's `error.code` or a publish `fail_reason`); the message stays verbatim. */
export function classifyCode(code: string, message: string, status = 0, now = Date.now()): PublishError {
  const text = message ? `${message} (${code})` : code;
  const opts = { networkCode: code };
  if (AUTH.has(code) || status === 401) return new PublishError('auth_expired', text, opts);
  if (SHORT_RATE.has(code) || status === 429) return new PublishError('rate_limited', text, { ...opts, retryAfter: new Date(now + MINUTE) });
  if (DAILY_CAP.has(code)) return new PublishError('rate_limited', text, { ...opts, retryAfter: new Date(now + DAY) });
  if (TRANSIENT.has(code) || status >= 500) return new PublishError('transient', text, opts);
  return new PublishError('rejected', text, opts);
}

/** A failed answer: the envelope's error code decides, the HTTP status where there is no code. */
export function classifyTiktok(status: number, body: TiktokEnvelope | { error?: string; error_description?: string } | undefined): PublishError {
  const err = body?.error;
  if (typeof err === 'string') return classifyCode(err, (body as { error_description?: string }).error_description ?? '', status);
  const code = err?.code && err.code !== 'ok' ? err.code : `http_${status}`;
  return classifyCode(code, err?.message ?? '', status);
}

export function fromThrown(err: unknown): PublishError {
  if (err instanceof PublishError) return err;
  const message = err instanceof Error ? `${err.message}${err.cause instanceof Error ? ` (${err.cause.message})` : ''}` : String(err);
  return new PublishError('transient', `TikTok could not be reached: ${message}`);
}
