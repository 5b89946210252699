import { GrammyError, HttpError } from 'grammy';
import { PublishError } from '../types';

/** Without `retry_after`, Telegram's flood limits are about a second per chat; wait a little longer. */
const DEFAULT_RETRY_MS = 5_000;

/**
 * Maps a Bot API failure to a PublishError. Telegram answers {"ok":false,"error_code","description",
 * "parameters":{"retry_after"}} (https://core.telegram.org/bots/api#making-requests). The description
 * is kept verbatim; grammY's own message would add the method name, which the user does not need.
 */
export function classify(err: unknown, now = Date.now()): PublishError {
  if (err instanceof PublishError) return err;
  if (err instanceof GrammyError) {
    const code = err.error_code;
    const opts = { networkCode: String(code) };
    const message = err.description;
    // An answer without Telegram's error object came from something in between (proxy, load balancer).
    if (typeof code !== 'number' || !message) return new PublishError('transient', `Telegram answered without an error description (${String(code)})`);
    if (code === 429) {
      const after = err.parameters?.retry_after;
      const ms = typeof after === 'number' && after >= 0 ? after * 1000 : DEFAULT_RETRY_MS;
      return new PublishError('rate_limited', message, { ...opts, retryAfter: new Date(now + ms) });
    }
    if (code === 401) return new PublishError('auth_expired', `${message}: the bot token was revoked or is wrong; reconnect with a new token from @BotFather`, opts);
    if (code === 403) return new PublishError('auth_expired', `${message}: the bot can no longer post in this chat (removed or not an admin); add it back, then reconnect`, opts);
    if (code >= 500) return new PublishError('transient', message, opts);
    return new PublishError('rejected', message, opts);
  }
  if (err instanceof HttpError) {
    // The request never got a readable answer (network failure, or a proxy's non-JSON 5xx page).
    const inner = err.error instanceof Error ? err.error.message : String(err.error);
    return new PublishError('transient', `Telegram did not answer: ${inner}`);
  }
  return new PublishError('transient', err instanceof Error ? err.message : String(err));
}

/** Runs a Bot API call and classifies what it throws. */
export async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw classify(err);
  }
}
