import { z } from 'zod';
import { Id } from './common';

export const RSVP_STATUSES = ['going', 'interested', 'not_going'] as const;
export const Rsvp = z.enum(RSVP_STATUSES, { error: 'Answer going, interested or not_going.' });

/** A wall-clock time in the event's zone, like 2026-12-01T18:00 (seconds optional, no offset). */
const LocalTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Give the time as it reads in the event’s zone, like 2026-12-01T18:00 (no offset).');

export const EventInput = z
  .strictObject({
    title: z.string().trim().min(3, 'Give the event a title of at least 3 characters.').max(200, 'Keep the title under 200 characters.'),
    startsAt: LocalTime,
    endsAt: LocalTime,
    /** IANA zone the times are written in, like Europe/Rome (checked on the server). */
    timeZone: z.string().trim().min(1, 'Give the event’s time zone, like Europe/Rome.').max(64),
    onlineUrl: z.url({ protocol: /^https?$/, error: 'The online link must be an http or https address.' }).max(2000).optional(),
    place: z.string().trim().min(1).max(300, 'Keep the place under 300 characters.').optional(),
    /** Seats for "going"; leave out for no limit. */
    capacity: z.number().int().min(1, 'Capacity is at least 1; leave it out for no limit.').max(100_000).optional(),
  })
  .refine((e) => e.onlineUrl !== undefined || e.place !== undefined, { path: ['place'], message: 'Say where the event happens: an online link, a place, or both.' });
export type EventInput = z.infer<typeof EventInput>;

export const RsvpBody = z.strictObject({ status: Rsvp });

export const CommunityEvent = z.object({
  id: Id,
  threadId: Id,
  title: z.string(),
  /** Instants in UTC (ISO). */
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  /** The same times as they read in `timeZone`. */
  localStartsAt: z.string(),
  localEndsAt: z.string(),
  onlineUrl: z.string().nullable(),
  place: z.string().nullable(),
  capacity: z.number().nullable(),
  going: z.number(),
  interested: z.number(),
  /** Null when there is no capacity. */
  seatsLeft: z.number().nullable(),
  /** The signed-in member's answer; null otherwise. */
  myRsvp: Rsvp.nullable(),
});
