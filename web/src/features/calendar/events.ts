import type { EventInput } from '@fullcalendar/core';
import { DateTime } from 'luxon';
import type { Channel, Post, PostStatus } from '../posts/api';

export type ColorBy = 'channel' | 'status';

export { STATUS_COLORS } from '../posts/statusColors';
import { STATUS_COLORS } from '../posts/statusColors';

/** Statuses whose planned time may still change by dragging, and what the move needs. */
const MOVABLE: Partial<Record<PostStatus, 'posts.schedule' | 'posts.write'>> = {
  draft: 'posts.write',
  in_review: 'posts.write',
  approved: 'posts.schedule',
  scheduled: 'posts.schedule',
};

export function canMove(status: PostStatus, can: (action: 'posts.schedule' | 'posts.write') => boolean): boolean {
  const needs = MOVABLE[status];
  return needs !== undefined && can(needs);
}

export function excerpt(text: string, max = 60): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** Light fill that follows the colour scheme (Mantine's variables adapt to dark mode). */
export function colorVars(color: string) {
  return {
    backgroundColor: `var(--mantine-color-${color}-light)`,
    borderColor: `var(--mantine-color-${color}-filled)`,
    textColor: `var(--mantine-color-${color}-light-color)`,
  };
}

export interface PostEventProps {
  post: Post;
  channelNames: string[];
  campaign: { name: string; color: string } | null;
}

export interface EventContext {
  channels: Map<string, Channel>;
  campaigns: Map<string, { name: string; color: string }>;
  colorBy: ColorBy;
  untitled: string;
}

export function toEvent(p: Post, ctx: EventContext, movable: boolean): EventInput {
  const { channels, colorBy } = ctx;
  const first = p.variants[0] && channels.get(p.variants[0].channelId);
  const color = colorBy === 'status' ? STATUS_COLORS[p.status] : (first?.color ?? 'gray');
  return {
    id: p.id,
    title: excerpt(p.text) || ctx.untitled,
    start: p.scheduledAt!,
    allDay: false,
    startEditable: movable,
    durationEditable: false,
    classNames: [`tandem-status-${p.status}`],
    ...colorVars(color),
    extendedProps: {
      post: p,
      channelNames: p.variants.map((v) => channels.get(v.channelId)?.name ?? '?'),
      campaign: (p.campaignId && ctx.campaigns.get(p.campaignId)) || null,
    } satisfies PostEventProps,
  };
}

/**
 * The instant for a new post from a clicked slot: a timed slot is that instant; a whole day (month
 * view) means 09:00 on that day in the zone the calendar shows.
 */
export function newPostInstant(date: Date, allDay: boolean, zone: string): string {
  const dt = DateTime.fromJSDate(date, { zone });
  return (allDay ? dt.set({ hour: 9, minute: 0, second: 0, millisecond: 0 }) : dt).toUTC().toISO({ suppressMilliseconds: true })!;
}

/**
 * Where a selection starts. Drops and drag-selections snap to 5 minutes, but a plain click (a
 * selection one snap long) means the 30-minute slot that was clicked, from its start.
 */
export function selectionStart(start: Date, end: Date, allDay: boolean, zone: string, snapMinutes = 5, slotMinutes = 30): Date {
  if (allDay || end.getTime() - start.getTime() > snapMinutes * 60_000) return start;
  const dt = DateTime.fromJSDate(start, { zone });
  return dt.set({ minute: dt.minute - (dt.minute % slotMinutes), second: 0, millisecond: 0 }).toJSDate();
}
