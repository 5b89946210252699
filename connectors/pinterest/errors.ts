import { PublishError } from '../types';

/** Pinterest API v5 error body: `{ "code": <int>, "message": <string> }` (openapi components/schemas/Error). */
export interface PinterestErrorBody {
  code?: number;
  message?: string;
  message_detail?: string;
}

const DEFAULT_RETRY_MS = 60_000;

/**
 * `X-RateLimit-Reset` tells when the window ends. Pinterest's reference does not state the unit, so a
 * value that looks like a Unix time (≥ 10^9) is one; a smaller one is seconds from now.
 */
export function retryAfterOf(headers: Headers, now = Date.now()): Date {
  const raw = headers.get('x-ratelimit-reset') ?? headers.get('retry-after');
  const n = raw === null ? Number.NaN : Number(raw);
  if (!Number.isFinite(n) || n < 0) return new Date(now + DEFAULT_RETRY_MS);
  return n >= 1e9 ? new Date(n * 1000) : new Date(now + Math.ceil(n) * 1000);
}

export function classifyPinterest(status: number, headers: Headers, body: PinterestErrorBody | undefined): PublishError {
  const message = body?.message_detail ?? body?.message ?? `Pinterest answered HTTP ${status}`;
  const opts = { networkCode: body?.code !== undefined ? String(body.code) : String(status) };
  if (status === 401) return new PublishError('auth_expired', message, opts);
  // Pinterest also answers 429 when it takes the content for spam: waiting will not help.
  if (status === 429 && /spam/i.test(message)) return new PublishError('rejected', message, opts);
  if (status === 429) return new PublishError('rate_limited', message, { ...opts, retryAfter: retryAfterOf(headers) });
  if (status >= 500) return new PublishError('transient', message, opts);
  return new PublishError('rejected', message, opts);
}

export function fromThrown(err: unknown): PublishError {
  if (err instanceof PublishError) return err;
  const message = err instanceof Error ? `${err.message}${err.cause instanceof Error ? ` (${err.cause.message})` : ''}` : String(err);
  return new PublishError('transient', `Pinterest could not be reached: ${message}`);
}
