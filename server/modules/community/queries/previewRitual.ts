import type { PreviewRitualBody } from '../../../../shared/contracts/communityRituals';
import type { Db } from '../../../db/client';
import { presentOccurrence } from '../presenters';
import { assertZone } from '../ritualRules';
import { checkRitual, defaultStartsOn } from '../ritualInput';
import { findRitual } from './findRitual';

const PREVIEW_COUNT = 5;

/** The next five occurrences of a rule not saved yet (the same checks as saving it). */
export function previewRule(input: PreviewRitualBody) {
  const now = new Date();
  assertZone(input.timeZone);
  const rule = { ...input, startsOn: input.startsOn ?? defaultStartsOn(input.timeZone, now), kind: 'thread' as const, eventDurationMinutes: null, eventPlace: null, eventOnlineUrl: null };
  const { schedule } = checkRitual(rule, now);
  return { timeZone: input.timeZone, occurrences: schedule.upcoming(now, PREVIEW_COUNT).map((d) => presentOccurrence(d, input.timeZone)) };
}

/** The next five occurrences of a saved ritual (paused ones too: what resuming now would post). */
export async function previewRitual(db: Db, workspaceId: string, ritualId: string) {
  const r = await findRitual(db, workspaceId, ritualId);
  return previewRule({ rrule: r.rrule, timeZone: r.timeZone, startTime: r.startTime, startsOn: r.startsOn });
}
