import type { TFunction } from 'i18next';
import { isApiError } from '../../api/client';
import type { ErrorOverrides } from '../../ui/errors';
import { refusalOf } from './api';
import { formatBytes } from './format';

/** The media-specific sentence for a refused upload or delete, keyed by the server's `details.reason`. */
export function mediaErrorOverrides(t: TFunction, error: unknown): ErrorOverrides | undefined {
  const reason = refusalOf(error);
  if (!reason || !isApiError(error)) return undefined;
  const max = (error.details as { maxBytes?: number }).maxBytes;
  return { [error.code]: t(`media.errors.${reason}`, { max: max ? formatBytes(max) : '' }) };
}
