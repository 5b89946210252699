import type { communityRituals } from '../../db/schema';
import { AppError } from '../../errors';
import { RitualSchedule, todayIn } from './ritualRules';

type RitualRow = typeof communityRituals.$inferSelect;
type RitualFields = Pick<RitualRow, 'kind' | 'rrule' | 'timeZone' | 'startTime' | 'startsOn' | 'eventDurationMinutes' | 'eventPlace' | 'eventOnlineUrl'>;

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, { fields: { [field]: message } });

/**
 * Checks a ritual as it will be saved (after merging an update) and returns its schedule and the
 * next occurrence from `now` on: the rule and zone (400 saying what is wrong), and for events a
 * duration and a place or a link.
 */
export function checkRitual(r: RitualFields, now: Date): { schedule: RitualSchedule; next: Date | null } {
  if (r.kind === 'event') {
    if (r.eventDurationMinutes == null) throw invalid('eventDurationMinutes', 'An event ritual needs eventDurationMinutes (how long each event lasts).');
    if (r.eventPlace == null && r.eventOnlineUrl == null) throw invalid('eventPlace', 'Say where the events happen: eventOnlineUrl, eventPlace, or both.');
  }
  const schedule = new RitualSchedule(r);
  schedule.assertUsable(now);
  return { schedule, next: schedule.firstAfter(now, true) };
}

export const defaultStartsOn = (zone: string, now: Date) => todayIn(zone, now);
