import { DateTime, IANAZone } from 'luxon';
import type { EventInput } from '../../../shared/contracts/communityEvents';
import { AppError, forbidden } from '../../errors';
import { isAuthor, type Writer } from './policies';

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, { fields: { [field]: message } });

/**
 * The event's instants from wall-clock times in its IANA zone. A time the zone skips (clocks
 * jumping forward) is refused rather than silently moved; an ambiguous one (clocks going back)
 * takes the first occurrence, as calendars do.
 */
export function resolveEventTimes(input: Pick<EventInput, 'startsAt' | 'endsAt' | 'timeZone'>): { startsAt: Date; endsAt: Date } {
  if (!IANAZone.isValidZone(input.timeZone)) throw invalid('timeZone', `"${input.timeZone}" is not a time zone we know: use an IANA name like Europe/Rome or America/New_York.`);
  const instant = (local: string, field: string) => {
    const dt = DateTime.fromISO(local, { zone: input.timeZone });
    if (!dt.isValid) throw invalid(field, `${local} is not a real date and time.`);
    const readBack = dt.toFormat(local.length > 16 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm");
    if (readBack !== local) throw invalid(field, `${local} does not exist in ${input.timeZone} (the clocks jump forward then): pick another time.`);
    return dt.toJSDate();
  };
  const startsAt = instant(input.startsAt, 'startsAt');
  const endsAt = instant(input.endsAt, 'endsAt');
  if (endsAt.getTime() <= startsAt.getTime()) throw invalid('endsAt', 'The event must end after it starts.');
  return { startsAt, endsAt };
}

/** An instant as it reads on the wall clock of a zone, like 2026-12-01T18:00. */
export const localTime = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");

/** The thread's author adds an event to it, or any staff member who may post. */
export function assertCanAddEvent(writer: Writer, thread: { authorMemberId: string | null; authorUserId: string | null }): void {
  if (writer.kind === 'staff' || isAuthor(writer, thread)) return;
  throw forbidden('Only the author of the thread, or the staff, can add an event to it.');
}
