import type { TFunction } from 'i18next';
import { isApiError } from '../api/client';

/** Messages that say more than the generic one for a code, in the context of one form. */
export type ErrorOverrides = Partial<Record<string, string>>;

/** A translated, user-facing message for any error thrown by the API client (or anything else). */
export function errorMessage(t: TFunction, error: unknown, overrides: ErrorOverrides = {}): string {
  if (isApiError(error)) return overrides[error.code] ?? t(`errors.${error.code}`, { defaultValue: t('errors.UNKNOWN') });
  return t('errors.UNKNOWN');
}

/**
 * The message to show next to a field: a client-side message (already translated) wins, then the
 * server's VALIDATION_FAILED message for that path (or a sub-path such as `roles.0`). When the form
 * knows what a server complaint about that field means, `translated` replaces the server's text.
 */
export function fieldError(error: unknown, field: string, clientMessage?: string | null, translated?: string): string | undefined {
  if (clientMessage) return clientMessage;
  if (!isApiError(error)) return undefined;
  const fields = error.fields;
  const path = fields[field] !== undefined ? field : Object.keys(fields).find((p) => p.startsWith(`${field}.`) || p.startsWith(`${field}[`));
  if (path === undefined) return undefined;
  return translated ?? fields[path];
}

export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const CODE_RE = /^\d{6}$/;
export const MIN_PASSWORD = 10;
