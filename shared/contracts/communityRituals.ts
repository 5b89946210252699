import { z } from 'zod';
import { Id } from './common';

export const RITUAL_KINDS = ['thread', 'event'] as const;
/** Placeholders a ritual's title and body may use; rendered in the space's default language. */
export const RITUAL_PLACEHOLDERS = ['date', 'weekday', 'week', 'time', 'month', 'year'] as const;
export const RITUAL_TITLE_TEMPLATE_MAX = 160;
export const RITUAL_BODY_TEMPLATE_MAX = 19_000;
export const NUDGE_MAX_HOURS = 720;

const placeholderError = (s: string) => {
  for (const m of s.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
    if (!(RITUAL_PLACEHOLDERS as readonly string[]).includes(m[1]!)) return m[0];
  }
  return null;
};
const Template = (what: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, `Give the ritual a ${what} of at least ${min} characters.`)
    .max(max, `Keep the ${what} under ${max} characters.`)
    .superRefine((s, c) => {
      const bad = placeholderError(s);
      if (bad) c.addIssue({ code: 'custom', message: `${bad} is not a placeholder we know: use ${RITUAL_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.` });
    });

/** The rule's fields; the rule itself is checked on the server (rrule + luxon), with a message saying what is wrong. */
const RuleFields = {
  /** RFC 5545 RRULE value without DTSTART, like FREQ=WEEKLY;BYDAY=FR or FREQ=MONTHLY;BYDAY=1TH. */
  rrule: z.string().trim().min(1, 'Give the rule, like FREQ=WEEKLY;BYDAY=FR.').max(500, 'Keep the rule under 500 characters.'),
  /** IANA zone the times are in, like Europe/Rome. */
  timeZone: z.string().trim().min(1, 'Give the ritual’s time zone, like Europe/Rome.').max(64),
  /** Wall-clock time of each occurrence in that zone. */
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Give the time of day as HH:mm, like 10:00.'),
  /** First day the rule may fall on (yyyy-MM-dd, in the zone); today when left out. */
  startsOn: z.iso.date('Give the first day as yyyy-MM-dd, like 2027-01-08.').optional(),
};

const RitualFields = {
  spaceId: z.uuid('That is not a space id.'),
  kind: z.enum(RITUAL_KINDS, { error: 'A ritual posts a thread or an event (a thread carrying an event).' }),
  titleTemplate: Template('title', 3, RITUAL_TITLE_TEMPLATE_MAX),
  bodyTemplate: Template('body', 1, RITUAL_BODY_TEMPLATE_MAX),
  ...RuleFields,
  leadHours: z.number().int().min(0, 'Lead time is 0 or more hours.').max(720, 'Post at most 720 hours (30 days) ahead.'),
  eventDurationMinutes: z.number().int().min(5, 'An event lasts at least 5 minutes.').max(7 * 24 * 60, 'An event lasts at most a week.'),
  eventPlace: z.string().trim().min(1).max(300, 'Keep the place under 300 characters.'),
  eventOnlineUrl: z.url({ protocol: /^https?$/, error: 'The online link must be an http or https address.' }).max(2000),
  eventCapacity: z.number().int().min(1, 'Capacity is at least 1; leave it out for no limit.').max(100_000),
  active: z.boolean(),
};

export const CreateRitualBody = z.strictObject({
  spaceId: RitualFields.spaceId,
  kind: RitualFields.kind,
  titleTemplate: RitualFields.titleTemplate,
  bodyTemplate: RitualFields.bodyTemplate,
  ...RuleFields,
  leadHours: RitualFields.leadHours.optional(),
  eventDurationMinutes: RitualFields.eventDurationMinutes.optional(),
  eventPlace: RitualFields.eventPlace.optional(),
  eventOnlineUrl: RitualFields.eventOnlineUrl.optional(),
  eventCapacity: RitualFields.eventCapacity.optional(),
  active: RitualFields.active.optional(),
});
export type CreateRitualBody = z.infer<typeof CreateRitualBody>;

/** Everything may change but the kind; `active: false` pauses, `active: true` resumes (from the next occurrence ahead). */
export const UpdateRitualBody = z.strictObject({
  spaceId: RitualFields.spaceId.optional(),
  titleTemplate: RitualFields.titleTemplate.optional(),
  bodyTemplate: RitualFields.bodyTemplate.optional(),
  rrule: RuleFields.rrule.optional(),
  timeZone: RuleFields.timeZone.optional(),
  startTime: RuleFields.startTime.optional(),
  startsOn: RuleFields.startsOn,
  leadHours: RitualFields.leadHours.optional(),
  eventDurationMinutes: RitualFields.eventDurationMinutes.optional(),
  eventPlace: RitualFields.eventPlace.nullable().optional(),
  eventOnlineUrl: RitualFields.eventOnlineUrl.nullable().optional(),
  eventCapacity: RitualFields.eventCapacity.nullable().optional(),
  active: RitualFields.active.optional(),
});
export type UpdateRitualBody = z.infer<typeof UpdateRitualBody>;

/** A rule to try before saving it. */
export const PreviewRitualBody = z.strictObject(RuleFields);
export type PreviewRitualBody = z.infer<typeof PreviewRitualBody>;

export const RitualOccurrence = z.object({
  /** The instant in UTC (ISO) and as it reads in the ritual's zone. */
  occursAt: z.string(),
  localOccursAt: z.string(),
});
export const RitualPreview = z.object({ timeZone: z.string(), occurrences: z.array(RitualOccurrence) });

export const Ritual = z.object({
  id: Id,
  spaceId: Id,
  kind: z.enum(RITUAL_KINDS),
  titleTemplate: z.string(),
  bodyTemplate: z.string(),
  rrule: z.string(),
  timeZone: z.string(),
  startTime: z.string(),
  startsOn: z.string(),
  leadHours: z.number(),
  eventDurationMinutes: z.number().nullable(),
  eventPlace: z.string().nullable(),
  eventOnlineUrl: z.string().nullable(),
  eventCapacity: z.number().nullable(),
  active: z.boolean(),
  /** Null when paused or when the rule has no occurrence left. */
  nextOccurrenceAt: z.string().nullable(),
  lastOccurrenceAt: z.string().nullable(),
  /** Why the last due occurrence was not posted; null when all went well. */
  lastError: z.string().nullable(),
  createdAt: z.string(),
});
export type Ritual = z.infer<typeof Ritual>;
export const RitualList = z.object({ rituals: z.array(Ritual) });

export const PostedOccurrence = RitualOccurrence.extend({ threadId: Id.nullable(), postedAt: z.string() });
export const PostedOccurrenceList = z.object({ occurrences: z.array(PostedOccurrence) });
