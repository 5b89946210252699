import { DateTime, IANAZone } from 'luxon';
import rrulePkg, { type Options, type Weekday } from 'rrule';
import { AppError } from '../../errors';

const { RRule } = rrulePkg;

/*
 * Rituals repeat by an RFC 5545 RRULE in the wall-clock time of an IANA zone. rrule.js knows
 * nothing reliable about zones, so the rule is expanded on "floating" time: the wall-clock time
 * written as if it were UTC (10:00 in Rome is 10:00Z here), and each floating occurrence is turned
 * into a real instant by luxon in the ritual's zone. 10:00 Europe/Rome stays 10:00 local across
 * daylight-saving changes. Why: docs/adr/0009-rituals-rrule.md.
 */

export interface RuleInput {
  rrule: string;
  timeZone: string;
  /** HH:mm */
  startTime: string;
  /** yyyy-MM-dd */
  startsOn: string;
}

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, { fields: { [field]: message } });
const bad = (message: string) => invalid('rrule', message);

const FREQS: Record<string, Options['freq']> = { YEARLY: RRule.YEARLY, MONTHLY: RRule.MONTHLY, WEEKLY: RRule.WEEKLY, DAILY: RRule.DAILY, HOURLY: RRule.HOURLY };
const DAYS: Record<string, Weekday> = { MO: RRule.MO, TU: RRule.TU, WE: RRule.WE, TH: RRule.TH, FR: RRule.FR, SA: RRule.SA, SU: RRule.SU };
const HORIZON_YEARS = 10;

function intIn(key: string, raw: string, min: number, max: number, signed = false): number {
  if (!/^[+-]?\d{1,4}$/.test(raw)) throw bad(`${key}=${raw}: ${key} takes whole numbers.`);
  const n = Number(raw);
  if ((!signed && n < 0) || Math.abs(n) < min || Math.abs(n) > max || n === 0) throw bad(`${key}=${raw}: ${key} must be between ${signed ? `-${max} and -${min} or ` : ''}${min} and ${max}.`);
  return n;
}
const list = (key: string, raw: string, min: number, max: number, signed: boolean) => raw.split(',').map((v) => intIn(key, v, min, max, signed));

/**
 * Parses an RRULE value strictly (rrule.js itself lets unknown values through as null or NaN):
 * every part known, once, with a value in range; no DTSTART or time-of-day parts (those come
 * from startsOn and startTime); at most one occurrence per hour.
 */
export function parseRule(text: string): Partial<Options> {
  const value = text.trim().replace(/^RRULE:/i, '');
  if (/[\r\n]/.test(value)) throw bad('Give one RRULE line, like FREQ=WEEKLY;BYDAY=FR (no DTSTART or EXDATE lines).');
  const opts: Partial<Options> = {};
  const seen = new Set<string>();
  for (const part of value.split(';')) {
    const m = /^([A-Za-z]+)=(.+)$/.exec(part.trim());
    if (!m) throw bad(`"${part}" is not a KEY=VALUE part: write the rule like FREQ=WEEKLY;BYDAY=FR.`);
    const key = m[1]!.toUpperCase();
    const raw = m[2]!.toUpperCase();
    if (seen.has(key)) throw bad(`${key} appears twice: give it once, with a comma-separated list if you need several values.`);
    seen.add(key);
    switch (key) {
      case 'FREQ':
        if (raw === 'MINUTELY' || raw === 'SECONDLY') throw bad(`FREQ=${raw} would post more than once an hour: rituals repeat at most hourly.`);
        if (!(raw in FREQS)) throw bad(`FREQ=${raw} is not a frequency: use YEARLY, MONTHLY, WEEKLY, DAILY or HOURLY.`);
        opts.freq = FREQS[raw];
        break;
      case 'INTERVAL':
        opts.interval = intIn(key, raw, 1, 1000);
        break;
      case 'COUNT':
        opts.count = intIn(key, raw, 1, 10_000);
        break;
      case 'UNTIL': {
        const u = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(raw);
        const d = u && DateTime.fromObject({ year: +u[1]!, month: +u[2]!, day: +u[3]!, hour: +(u[4] ?? 23), minute: +(u[5] ?? 59), second: +(u[6] ?? 59) }, { zone: 'utc' });
        if (!u || !d?.isValid) throw bad(`UNTIL=${raw} is not a date: write it as 20271231 (the last day, in the ritual's zone).`);
        // Floating like everything else: the last wall-clock moment in the ritual's zone.
        opts.until = d.toJSDate();
        break;
      }
      case 'BYDAY':
        opts.byweekday = raw.split(',').map((d) => {
          const w = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(d);
          if (!w) throw bad(`BYDAY=${raw}: "${d}" is not a day; use MO, TU, WE, TH, FR, SA, SU, optionally with a position like 1TH or -1FR.`);
          if (w[1] === undefined) return DAYS[w[2]!]!;
          return DAYS[w[2]!]!.nth(intIn('BYDAY', w[1], 1, 53, true));
        });
        break;
      case 'BYMONTHDAY':
        opts.bymonthday = list(key, raw, 1, 31, true);
        break;
      case 'BYMONTH':
        opts.bymonth = list(key, raw, 1, 12, false);
        break;
      case 'BYSETPOS':
        opts.bysetpos = list(key, raw, 1, 366, true);
        break;
      case 'BYYEARDAY':
        opts.byyearday = list(key, raw, 1, 366, true);
        break;
      case 'BYWEEKNO':
        opts.byweekno = list(key, raw, 1, 53, true);
        break;
      case 'WKST':
        if (!(raw in DAYS)) throw bad(`WKST=${raw} is not a day: use MO … SU.`);
        opts.wkst = DAYS[raw]!;
        break;
      case 'BYHOUR':
      case 'BYMINUTE':
      case 'BYSECOND':
        throw bad(`${key} is not used here: the time of day comes from startTime (one time per occurrence day).`);
      case 'DTSTART':
      case 'TZID':
        throw bad(`${key} is not used here: the rule starts on startsOn at startTime, in timeZone.`);
      default:
        throw bad(`${key} is not an RRULE part we know: use FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, BYYEARDAY, BYWEEKNO or WKST.`);
    }
  }
  if (opts.freq === undefined) throw bad('The rule needs a FREQ, like FREQ=WEEKLY;BYDAY=FR.');
  if (opts.count !== undefined && opts.until !== undefined) throw bad('Give COUNT or UNTIL, not both (RFC 5545).');
  if (opts.byweekno && opts.freq !== RRule.YEARLY) throw bad('BYWEEKNO only goes with FREQ=YEARLY.');
  const positional = Array.isArray(opts.byweekday) && opts.byweekday.some((w) => typeof w === 'object' && w.n !== undefined);
  if (positional && opts.freq !== RRule.MONTHLY && opts.freq !== RRule.YEARLY) throw bad('A day with a position (like 1TH) only goes with FREQ=MONTHLY or FREQ=YEARLY.');
  return opts;
}

/** The wall-clock time of an instant in a zone, written as a UTC date (the "floating" time). */
export function toFloating(instant: Date, zone: string): Date {
  const d = DateTime.fromJSDate(instant, { zone });
  return new Date(Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute, d.second));
}

/** A floating time as a real instant in the zone; a wall time the clocks skip moves forward by the gap. */
export function fromFloating(floating: Date, zone: string): Date {
  const f = DateTime.fromJSDate(floating, { zone: 'utc' });
  return DateTime.fromObject({ year: f.year, month: f.month, day: f.day, hour: f.hour, minute: f.minute, second: f.second }, { zone }).toJSDate();
}

export function assertZone(zone: string): void {
  if (!IANAZone.isValidZone(zone)) throw invalid('timeZone', `"${zone}" is not a time zone we know: use an IANA name like Europe/Rome or America/New_York.`);
}

/** Today in the zone, yyyy-MM-dd (the default first day). */
export const todayIn = (zone: string, now: Date) => DateTime.fromJSDate(now, { zone }).toISODate()!;

/** A ritual's schedule: occurrences as real instants. */
export class RitualSchedule {
  private readonly rule: InstanceType<typeof RRule>;

  constructor(readonly input: RuleInput) {
    assertZone(input.timeZone);
    const [y, mo, d] = input.startsOn.split('-').map(Number);
    const [h, mi] = input.startTime.split(':').map(Number);
    const dtstart = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!));
    if (Number.isNaN(dtstart.getTime())) throw invalid('startsOn', `${input.startsOn} is not a date.`);
    this.rule = new RRule({ ...parseRule(input.rrule), dtstart, tzid: null });
  }

  private real = (f: Date | null) => (f ? fromFloating(f, this.input.timeZone) : null);

  /** The latest occurrence at or before `instant`, or null. */
  latestAtOrBefore(instant: Date): Date | null {
    let f = this.rule.before(toFloating(instant, this.input.timeZone), true);
    // A skipped wall time moves forward and may land after `instant`: take the one before it.
    for (let i = 0; f && i < 3; i++) {
      const r = this.real(f)!;
      if (r.getTime() <= instant.getTime()) return r;
      f = this.rule.before(f, false);
    }
    return null;
  }

  /** The first occurrence after `instant` (or at it, when inclusive), or null when the rule has ended. */
  firstAfter(instant: Date, inclusive = false): Date | null {
    let f = this.rule.after(toFloating(instant, this.input.timeZone), inclusive);
    for (let i = 0; f && i < 3; i++) {
      const r = this.real(f)!;
      if (r.getTime() > instant.getTime() || (inclusive && r.getTime() === instant.getTime())) return r;
      f = this.rule.after(f, false);
    }
    return null;
  }

  /** Up to `n` occurrences from `from` on, looking no further than ten years ahead. */
  upcoming(from: Date, n: number): Date[] {
    const start = toFloating(from, this.input.timeZone);
    const end = new Date(start);
    end.setUTCFullYear(end.getUTCFullYear() + HORIZON_YEARS);
    const floats = this.rule.between(start, end, true, (_d, i) => i < n);
    const out: Date[] = [];
    for (const f of floats) {
      const r = fromFloating(f, this.input.timeZone);
      if (r.getTime() >= from.getTime() && !out.some((o) => o.getTime() === r.getTime())) out.push(r);
    }
    return out;
  }

  /** Refuses a rule with no occurrence ahead of `now` (within ten years) or more than one an hour. */
  assertUsable(now: Date): void {
    const next = this.upcoming(now, 50);
    if (next.length === 0) throw bad(`This rule has no occurrence after ${this.input.startsOn > todayIn(this.input.timeZone, now) ? this.input.startsOn : 'today'} in the next ${HORIZON_YEARS} years: check COUNT, UNTIL and the BY… parts.`);
    for (let i = 1; i < next.length; i++) {
      if (next[i]!.getTime() - next[i - 1]!.getTime() < 3_600_000) throw bad('This rule posts more than once an hour: rituals repeat at most hourly.');
    }
  }
}

/** The wall-clock time of an instant in a zone, like 2027-03-26T10:00. */
export const localTimeOf = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
