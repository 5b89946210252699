import { AppError } from '../../../errors';

export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new AppError('VALIDATION_FAILED', `"${timeZone}" is not a time zone; use an IANA name such as Europe/Rome.`, { fields: { timeZone: 'Unknown time zone.' } });
  }
}
