import { DateTime } from 'luxon';

/** A recurring slot in a channel's own time zone (ISO weekday: 1 = Monday). */
export interface WeeklySlot {
  weekday: number;
  minuteOfDay: number;
}

export interface QueueChannel {
  channelId: string;
  timeZone: string;
  slots: WeeklySlot[];
  /** Instants already taken on this channel (posts scheduled there); a slot within the same minute is taken. */
  taken: Date[];
}

const MINUTE = 60_000;

/**
 * The instant of a wall-clock time in a zone. Luxon resolves it per date, so 09:00 Europe/Rome is
 * 07:00Z in summer and 08:00Z in winter. A time that does not exist (the hour skipped when clocks go
 * forward) moves forward by the gap, e.g. 02:30 → 03:30; a repeated time (clocks go back) is the first one.
 */
export function slotInstant(date: DateTime, minuteOfDay: number): DateTime {
  return DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 }, { zone: date.zone });
}

/** The next occurrences of a channel's slots strictly after `now`, in order, over `days` days. */
export function* upcomingSlots(timeZone: string, slots: WeeklySlot[], now: Date, days = 56): Generator<Date> {
  const sorted = [...slots].sort((a, b) => a.minuteOfDay - b.minuteOfDay);
  const start = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  for (let d = 0; d < days; d++) {
    const day = start.plus({ days: d });
    for (const s of sorted) {
      if (s.weekday !== day.weekday) continue;
      const at = slotInstant(day, s.minuteOfDay);
      if (at.toMillis() > now.getTime()) yield at.toJSDate();
    }
  }
}

/**
 * The earliest free slot after `now` across the channels: a slot is free when nothing is already
 * scheduled on that channel within that minute. Null when no channel has a free slot in the horizon.
 * Pure: `now` is passed in so tests (and DST crossings) are deterministic.
 */
export function nextFreeSlot(channels: QueueChannel[], now: Date, horizonDays = 56): { channelId: string; at: Date } | null {
  let best: { channelId: string; at: Date } | null = null;
  for (const c of channels) {
    const taken = new Set(c.taken.map((t) => Math.floor(t.getTime() / MINUTE)));
    for (const at of upcomingSlots(c.timeZone, c.slots, now, horizonDays)) {
      if (best && at.getTime() >= best.at.getTime()) break;
      if (taken.has(Math.floor(at.getTime() / MINUTE))) continue;
      best = { channelId: c.channelId, at };
      break;
    }
  }
  return best;
}

/** The next start of an hour on a weekday in a zone, strictly after `now`. */
export function nextWeekdayHour(timeZone: string, weekday: number, hour: number, now: Date): Date {
  const next = upcomingSlots(timeZone, [{ weekday, minuteOfDay: hour * 60 }], now, 8).next();
  return next.done ? now : next.value;
}
