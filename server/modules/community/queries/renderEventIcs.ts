import ical from 'ical-generator';
import type { AppContext } from '../../../context';
import { localTime } from '../eventRules';
import type { Viewer } from '../policies';
import { findReadableEvent } from './getEvent';

/**
 * The event as an iCalendar (RFC 5545) file. Times are written in UTC: exact in every calendar
 * app without shipping VTIMEZONE definitions; the event's own zone is named in the description.
 */
export async function renderEventIcs(ctx: AppContext, viewer: Viewer, threadId: string): Promise<string> {
  const { event } = await findReadableEvent(ctx.db, viewer, threadId);
  const host = new URL(ctx.publicUrl).hostname;
  const cal = ical({ prodId: { company: 'Tandem', product: 'Community events', language: 'EN' } });
  const when = `${localTime(event.startsAt, event.timeZone).replace('T', ' ')} – ${localTime(event.endsAt, event.timeZone).replace('T', ' ')} (${event.timeZone})`;
  cal.createEvent({
    id: `community-event-${event.id}@${host}`,
    start: event.startsAt,
    end: event.endsAt,
    stamp: event.createdAt,
    summary: event.title,
    description: [when, event.onlineUrl].filter(Boolean).join('\n'),
    location: event.place ?? event.onlineUrl ?? undefined,
    url: event.onlineUrl ?? undefined,
  });
  // RFC 5545 ends every content line with CRLF, the last one too; ical-generator leaves the last one bare.
  const text = cal.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
