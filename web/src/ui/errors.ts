import type { TFunction } from 'i18next';
import { isApiError } from '../api/client';

/** A translated, user-facing message for any error thrown by the API client (or anything else). */
export function errorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) return t(`errors.${error.code}`, { defaultValue: t('errors.UNKNOWN') });
  return t('errors.UNKNOWN');
}

/**
 * The message to show next to a field: a client-side message (already translated) wins, then the
 * server's VALIDATION_FAILED message for that path (or a sub-path such as `roles.0`).
 */
export function fieldError(error: unknown, field: string, clientMessage?: string | null): string | undefined {
  if (clientMessage) return clientMessage;
  if (!isApiError(error)) return undefined;
  const fields = error.fields;
  if (fields[field]) return fields[field];
  const sub = Object.keys(fields).find((p) => p.startsWith(`${field}.`) || p.startsWith(`${field}[`));
  return sub ? fields[sub] : undefined;
}

export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const CODE_RE = /^\d{6}$/;
export const MIN_PASSWORD = 10;
