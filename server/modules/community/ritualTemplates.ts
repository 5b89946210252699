import { DateTime } from 'luxon';
import { RITUAL_PLACEHOLDERS } from '../../../shared/contracts/communityRituals';

type Placeholder = (typeof RITUAL_PLACEHOLDERS)[number];

/**
 * Fills a ritual's title or body for one occurrence, in the space's default language and the
 * ritual's zone: {{date}} "26 March 2027" / "26 marzo 2027", {{weekday}} "Friday" / "venerdì",
 * {{week}} the ISO week number, {{time}} "10:00", {{month}} "March", {{year}} "2027". Unknown
 * placeholders are refused when the ritual is saved (shared/contracts/communityRituals.ts).
 */
export function renderRitualTemplate(template: string, occurrence: Date, zone: string, language: string): string {
  const d = DateTime.fromJSDate(occurrence, { zone }).setLocale(language === 'other' ? 'en' : language);
  const values: Record<Placeholder, string> = {
    date: d.toLocaleString({ day: 'numeric', month: 'long', year: 'numeric' }),
    weekday: d.toLocaleString({ weekday: 'long' }),
    week: String(d.weekNumber),
    time: d.toFormat('HH:mm'),
    month: d.toLocaleString({ month: 'long' }),
    year: String(d.year),
  };
  return template.replace(/\{\{\s*([a-z]+)\s*\}\}/g, (all, name: string) => values[name as Placeholder] ?? all);
}
