import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { nextFreeSlot, nextWeekdayHour, upcomingSlots } from './slots';

const rome = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Rome' });
const local = (d: Date, zone = 'Europe/Rome') => DateTime.fromJSDate(d, { zone }).toFormat("ccc yyyy-MM-dd HH:mm ZZZZ");
const MON_9 = { weekday: 1, minuteOfDay: 9 * 60 };

describe('queue slots (pure, with a fixed now)', () => {
  it('keeps 09:00 Europe/Rome at 09:00 local across the end of DST (the UTC instant moves by an hour)', () => {
    // DST ends in the EU on Sunday 2026-10-25 at 03:00 local.
    const now = new Date('2026-10-20T12:00:00Z');
    const [first, second] = [...upcomingSlots('Europe/Rome', [MON_9], now, 14)];
    expect(first!.toISOString()).toBe('2026-10-26T08:00:00.000Z');
    expect(local(first!)).toBe('Mon 2026-10-26 09:00 GMT+1');
    expect(second!.toISOString()).toBe('2026-11-02T08:00:00.000Z');
    const before = [...upcomingSlots('Europe/Rome', [MON_9], new Date('2026-10-13T12:00:00Z'), 7)];
    expect(before.map((d) => d.toISOString())).toEqual(['2026-10-19T07:00:00.000Z']);
  });

  it('keeps the local time across the start of DST too, and moves a skipped time forward by the gap', () => {
    // DST starts on Sunday 2027-03-28 at 02:00 local (clocks jump to 03:00).
    const now = new Date('2027-03-27T12:00:00Z');
    const sunday = [...upcomingSlots('Europe/Rome', [{ weekday: 7, minuteOfDay: 9 * 60 }, { weekday: 7, minuteOfDay: 2 * 60 + 30 }], now, 1 + 1)];
    expect(sunday.map((d) => local(d))).toEqual(['Sun 2027-03-28 03:30 GMT+2', 'Sun 2027-03-28 09:00 GMT+2']);
  });

  it('takes the earliest free slot: a post already scheduled within that minute takes it', () => {
    const now = rome('2026-10-22T10:00').toJSDate(); // a Thursday
    const slots = [{ weekday: 4, minuteOfDay: 9 * 60 }, { weekday: 4, minuteOfDay: 18 * 60 }, { weekday: 5, minuteOfDay: 9 * 60 }];
    const ch = { channelId: 'a', timeZone: 'Europe/Rome', slots, taken: [] as Date[] };
    expect(local(nextFreeSlot([ch], now)!.at)).toBe('Thu 2026-10-22 18:00 GMT+2');
    ch.taken.push(rome('2026-10-22T18:00:30').toJSDate());
    expect(local(nextFreeSlot([ch], now)!.at)).toBe('Fri 2026-10-23 09:00 GMT+2');
    ch.taken.push(rome('2026-10-23T09:01').toJSDate()); // a different minute: the slot is still free
    expect(local(nextFreeSlot([ch], now)!.at)).toBe('Fri 2026-10-23 09:00 GMT+2');
  });

  it('picks the earliest across channels, each in its own zone', () => {
    const now = new Date('2026-10-22T00:00:00Z'); // Thursday
    const rome9 = { channelId: 'rome', timeZone: 'Europe/Rome', slots: [{ weekday: 4, minuteOfDay: 9 * 60 }], taken: [] };
    const ny8 = { channelId: 'ny', timeZone: 'America/New_York', slots: [{ weekday: 4, minuteOfDay: 8 * 60 }], taken: [] };
    const tokyo = { channelId: 'tokyo', timeZone: 'Asia/Tokyo', slots: [{ weekday: 5, minuteOfDay: 1 * 60 }], taken: [] };
    // 09:00 Rome = 07:00Z; 08:00 New York = 12:00Z; Friday 01:00 Tokyo = Thursday 16:00Z.
    expect(nextFreeSlot([ny8, tokyo, rome9], now)).toEqual({ channelId: 'rome', at: new Date('2026-10-22T07:00:00Z') });
    expect(nextFreeSlot([ny8, tokyo], now)).toEqual({ channelId: 'ny', at: new Date('2026-10-22T12:00:00Z') });
  });

  it('finds nothing without slots, and nothing when every slot in the horizon is taken', () => {
    const now = new Date('2026-10-22T00:00:00Z');
    expect(nextFreeSlot([{ channelId: 'a', timeZone: 'UTC', slots: [], taken: [] }], now)).toBeNull();
    const taken = [...upcomingSlots('UTC', [MON_9], now, 14)];
    expect(nextFreeSlot([{ channelId: 'a', timeZone: 'UTC', slots: [MON_9], taken }], now, 14)).toBeNull();
  });

  it('a slot at exactly now is not "after now"', () => {
    const now = new Date('2026-10-26T08:00:00Z'); // Monday 09:00 in Rome
    expect(nextFreeSlot([{ channelId: 'a', timeZone: 'Europe/Rome', slots: [MON_9], taken: [] }], now)!.at.toISOString()).toBe('2026-11-02T08:00:00.000Z');
  });

  it('nextWeekdayHour gives the next start of that hour in the zone', () => {
    expect(nextWeekdayHour('Europe/Rome', 1, 9, new Date('2026-10-20T12:00:00Z')).toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });
});
