import { PublishError } from '../types';

/** {"error":{"message","type","code","error_subcode","is_transient","fbtrace_id"}} (Graph API error handling). */
export interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  is_transient?: boolean;
  error_user_msg?: string;
  fbtrace_id?: string;
}

/** 4 app, 17 user, 32 page, 613 custom, 80001 Pages Business Use Case rate limits. */
const RATE_CODES = new Set([4, 17, 32, 613, 80001]);
/** 1 unknown, 2 service temporarily unavailable. */
const TRANSIENT_CODES = new Set([1, 2]);
/** Meta counts usage over a rolling hour; without an estimate, wait a quarter of it. */
const DEFAULT_RETRY_MS = 15 * 60_000;

/**
 * estimated_time_to_regain_access (minutes) from X-Business-Use-Case-Usage:
 * {"<business-object-id>":[{"type":"pages","call_count":…,"estimated_time_to_regain_access":N}]}.
 */
export function retryAfterFrom(headers: Headers, now = Date.now()): Date {
  const raw = headers.get('x-business-use-case-usage');
  let minutes = 0;
  if (raw) {
    try {
      const usage = JSON.parse(raw) as Record<string, { estimated_time_to_regain_access?: number }[]>;
      for (const list of Object.values(usage)) for (const u of list) minutes = Math.max(minutes, Number(u.estimated_time_to_regain_access) || 0);
    } catch {
      // An unreadable header: fall back to the default wait.
    }
  }
  return new Date(now + (minutes > 0 ? minutes * 60_000 : DEFAULT_RETRY_MS));
}

export function classifyGraph(status: number, error: GraphErrorBody | undefined, headers: Headers, now = Date.now()): PublishError {
  const code = error?.code;
  const message = error?.message ?? `Facebook answered HTTP ${status}`;
  const opts = { networkCode: code === undefined ? String(status) : error?.error_subcode ? `${code}/${error.error_subcode}` : String(code) };
  if (code === 190 || (code === 102 && status === 401)) return new PublishError('auth_expired', message, opts);
  if (code !== undefined && RATE_CODES.has(code)) return new PublishError('rate_limited', message, { ...opts, retryAfter: retryAfterFrom(headers, now) });
  if (error?.is_transient || (code !== undefined && TRANSIENT_CODES.has(code)) || status >= 500 || !error) return new PublishError('transient', message, opts);
  return new PublishError('rejected', message, opts);
}
