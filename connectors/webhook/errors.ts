import { PublishError } from '../types';
import { PrivateAddressError } from './addresses';
import type { ReceiverAnswer } from './http';
import { TimeoutError } from './http';

/** How much of the receiver's answer an error message keeps (verbatim up to here). */
export const MAX_MESSAGE_CHARS = 500;
const DEFAULT_RETRY_MS = 60_000;

/** The receiver's own words, trimmed to a readable length. */
export function excerpt(body: string): string {
  const text = body.trim();
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS)}…` : text;
}

function header(answer: ReceiverAnswer, name: string): string | undefined {
  const v = answer.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** `Retry-After` is seconds or an HTTP date (RFC 9110 §10.2.3); a minute when absent or unreadable. */
export function retryAfterOf(value: string | undefined, now = Date.now()): Date {
  if (value !== undefined && value.trim() !== '') {
    const seconds = Number(value);
    if (Number.isFinite(seconds) && seconds >= 0) return new Date(now + seconds * 1000);
    const at = Date.parse(value);
    if (Number.isFinite(at)) return new Date(Math.max(at, now));
  }
  return new Date(now + DEFAULT_RETRY_MS);
}

/** A non-2xx answer as a PublishError the publisher can act on. */
export function classifyAnswer(answer: ReceiverAnswer): PublishError {
  const { status } = answer;
  const said = excerpt(answer.body);
  const tail = said ? `: ${said}` : '';
  const opts = { networkCode: String(status) };
  if (status === 401 || status === 403) return new PublishError('auth_expired', `The webhook refused the request (HTTP ${status})${tail}. Check its URL and secret, then reconnect the channel.`, opts);
  if (status === 429) return new PublishError('rate_limited', `The webhook asked us to slow down (HTTP 429)${tail}`, { ...opts, retryAfter: retryAfterOf(header(answer, 'retry-after')) });
  if (status >= 500) return new PublishError('transient', `The webhook failed (HTTP ${status})${tail}`, opts);
  if (status >= 300 && status < 400) {
    const location = header(answer, 'location');
    return new PublishError('rejected', `The webhook answered with a redirect (HTTP ${status}${location ? ` to ${location}` : ''}); redirects are not followed, so update the channel's URL.`, opts);
  }
  return new PublishError('rejected', `The webhook refused the post (HTTP ${status})${tail}`, opts);
}

/** Anything thrown on the way (no answer at all). */
export function classifyThrown(err: unknown): PublishError {
  if (err instanceof PublishError) return err;
  if (err instanceof PrivateAddressError) return new PublishError('rejected', err.message);
  if (err instanceof TimeoutError) return new PublishError('transient', err.message);
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const message = err instanceof Error ? err.message : String(err);
  return new PublishError('transient', `The webhook could not be reached${code ? ` (${code})` : ''}: ${message}`, code ? { networkCode: code } : {});
}
