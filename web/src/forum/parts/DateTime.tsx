import { useForum } from '../ForumContext';

/**
 * A date in the reader's language. The server and the first browser render use UTC (so hydration
 * matches); once hydrated the browser shows its own time zone, or `timeZone` when given.
 */
export function DateTime({ iso, timeZone, dateOnly }: { iso: string; timeZone?: string; dateOnly?: boolean }) {
  const { data, hydrated } = useForum();
  const zone = timeZone ?? (hydrated ? undefined : 'UTC');
  const text = new Intl.DateTimeFormat(data.locale, { dateStyle: 'medium', ...(dateOnly ? {} : { timeStyle: 'short' }), timeZone: zone }).format(new Date(iso));
  return <time dateTime={iso}>{text}</time>;
}
