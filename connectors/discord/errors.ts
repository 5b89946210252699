import { DiscordAPIError, HTTPError, RateLimitError } from '@discordjs/rest';
import { PublishError } from '../types';

/** JSON error codes (https://discord.com/developers/docs/topics/opcodes-and-status-codes#json). */
const UNKNOWN_WEBHOOK = 10015;
const MISSING_ACCESS = 50001;
const DEFAULT_RETRY_MS = 5_000;

/**
 * Maps a Discord failure to a PublishError: 401 and a deleted webhook or lost channel access need
 * the channel reconnected; 429 waits Retry-After; 4xx keep Discord's message verbatim (with the
 * per-field errors of {"code","message","errors"}); 5xx and network failures are transient.
 */
export function classify(err: unknown, now = Date.now()): PublishError {
  if (err instanceof PublishError) return err;
  if (err instanceof RateLimitError) {
    const ms = err.retryAfter > 0 ? err.retryAfter : err.timeToReset > 0 ? err.timeToReset : DEFAULT_RETRY_MS;
    const scope = err.global ? 'global' : err.scope;
    return new PublishError('rate_limited', `You are being rate limited (${scope}, ${err.method.toUpperCase()} ${err.route})`, { networkCode: '429', retryAfter: new Date(now + ms) });
  }
  if (err instanceof DiscordAPIError) {
    const opts = { networkCode: String(err.code) };
    if (err.status === 401) return new PublishError('auth_expired', `${err.message}: the token was reset or the bot removed; reconnect the channel`, opts);
    if (err.code === UNKNOWN_WEBHOOK) return new PublishError('auth_expired', `${err.message}: the webhook was deleted; reconnect with a new webhook URL`, opts);
    if (err.code === MISSING_ACCESS) return new PublishError('auth_expired', `${err.message}: the bot can no longer see this channel; add it back, then reconnect`, opts);
    if (err.status === 429) return new PublishError('rate_limited', err.message, { ...opts, retryAfter: new Date(now + DEFAULT_RETRY_MS) });
    if (err.status >= 500) return new PublishError('transient', err.message, opts);
    return new PublishError('rejected', err.message, opts);
  }
  if (err instanceof HTTPError) return new PublishError('transient', `Discord answered ${err.status} ${err.message}`, { networkCode: String(err.status) });
  return new PublishError('transient', err instanceof Error ? err.message : String(err));
}

export async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw classify(err);
  }
}

/** Unknown Message (10008): deleting it again is done, measuring it leaves it out. */
export const isUnknownMessage = (err: unknown) => err instanceof DiscordAPIError && err.code === 10008;
