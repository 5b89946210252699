import { useForum } from '../ForumContext';

// Building an Intl.DateTimeFormat costs far more than using one; a thread page shows hundreds of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, zone: string | undefined, dateOnly: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${zone ?? ''}|${dateOnly}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(dateOnly ? {} : { timeStyle: 'short' }), timeZone: zone });
    formatters.set(key, f);
  }
  return f;
}

/**
 * A date in the reader's language. The server and the first browser render use UTC (so hydration
 * matches); once hydrated the browser shows its own time zone, or `timeZone` when given.
 */
export function DateTime({ iso, timeZone, dateOnly }: { iso: string; timeZone?: string; dateOnly?: boolean }) {
  const { data, hydrated } = useForum();
  const zone = timeZone ?? (hydrated ? undefined : 'UTC');
  const text = formatter(data.locale, zone, Boolean(dateOnly)).format(new Date(iso));
  return <time dateTime={iso}>{text}</time>;
}
