import { useQuery } from '@tanstack/react-query';
import { get, qs } from '../../api/client';
import type { BestTimes, CalendarFeedStatus, ChannelSlots } from '../../../../shared/contracts/scheduling';

export type { BestTime, BestTimes, BestTimeWhy, CalendarFeedStatus, ChannelSlots, CreatedCalendarFeed, QueuedPost, Slot } from '../../../../shared/contracts/scheduling';
export { CHANNEL_COLORS } from '../../../../shared/contracts/scheduling';

export const slotsKey = (wid: string, cid: string) => ['workspaces', wid, 'channels', cid, 'slots'];
export const bestTimesKey = (wid: string, cid: string) => ['workspaces', wid, 'channels', cid, 'best-times'];
export const calendarFeedKey = (wid: string) => ['workspaces', wid, 'calendar-feed'];

export function useSlots(wid: string, cid: string | undefined) {
  return useQuery({
    queryKey: slotsKey(wid, cid ?? 'none'),
    queryFn: () => get<ChannelSlots>(`/api/workspaces/${wid}/channels/${cid}/slots`),
    enabled: cid !== undefined,
  });
}

export function useBestTimes(wid: string, cid: string, limit = 5) {
  return useQuery({
    queryKey: [...bestTimesKey(wid, cid), limit],
    queryFn: () => get<BestTimes>(`/api/workspaces/${wid}/channels/${cid}/best-times${qs({ limit })}`),
  });
}

export function useCalendarFeed(wid: string) {
  return useQuery({ queryKey: calendarFeedKey(wid), queryFn: () => get<CalendarFeedStatus>(`/api/workspaces/${wid}/calendar-feed`) });
}

/** "Monday" (long) or "Mon" (short) in the UI language: ISO weekday 1 = Monday. */
export function weekdayName(weekday: number, locale: string, style: 'long' | 'short' = 'long'): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)));
}

/** "09:00" from minutes after midnight. */
export const minuteLabel = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** A time in a given zone, in the UI language ("Tue 26 Oct, 09:00"). */
export function formatInZone(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}
