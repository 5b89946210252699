import { ForumApiError } from './api';
import type { ForumT } from './i18n';

/** What to tell the member, in their language, for an error of the member API. */
export function errorText(t: ForumT, err: unknown): string {
  if (!(err instanceof ForumApiError)) return t('forum.errors.UNKNOWN');
  const details = err.details;
  if (err.code === 'FORBIDDEN' && details.reason === 'guidelines_not_acknowledged') return t('forum.errors.guidelines');
  if (err.code === 'RATE_LIMITED' && typeof details.retryAfterSeconds === 'number') return t('forum.errors.slowMode', { count: details.retryAfterSeconds });
  if (err.code === 'VALIDATION_FAILED') return `${t('forum.errors.VALIDATION_FAILED')} ${err.message}`;
  // Conflicts and refusals carry the server's own explanation (a locked thread, a full event…).
  if (err.code === 'CONFLICT' || err.code === 'BAD_REQUEST' || err.code === 'FORBIDDEN') return `${t(`forum.errors.${err.code}`)} ${err.message}`;
  const key = `forum.errors.${err.code}`;
  const text = t(key);
  return text === key ? t('forum.errors.UNKNOWN') : text;
}
