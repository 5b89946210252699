import { z } from 'zod';
import { Id } from './common';
import { Post } from './publishing';

/** Mantine's palette: the colours a channel may take on the calendar. */
export const CHANNEL_COLORS = ['blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange', 'red', 'pink', 'grape', 'violet', 'indigo', 'gray', 'dark'] as const;
export const ChannelColor = z.enum(CHANNEL_COLORS, { error: `Pick one of the calendar colours: ${CHANNEL_COLORS.join(', ')}.` });

/** PATCH …/channels/:channelId: the time zone is an IANA name (Europe/Rome), checked on the server. */
export const UpdateChannelBody = z.strictObject({
  name: z.string().trim().min(1, 'A channel needs a name.').max(80).optional(),
  timeZone: z.string().trim().min(1).max(64).optional(),
  color: ChannelColor.optional(),
});

/** A recurring queue slot: ISO weekday (1 = Monday … 7 = Sunday) and minute of the day, in the channel's time zone. */
export const Slot = z.strictObject({
  weekday: z.number().int().min(1, 'Weekdays go from 1 (Monday) to 7 (Sunday).').max(7, 'Weekdays go from 1 (Monday) to 7 (Sunday).'),
  minuteOfDay: z.number().int().min(0, 'A time of day is between 00:00 and 23:59.').max(1439, 'A time of day is between 00:00 and 23:59.'),
});
export type Slot = z.infer<typeof Slot>;
export const MAX_SLOTS = 168;
export const PutSlotsBody = z.strictObject({ slots: z.array(Slot).max(MAX_SLOTS, `A channel can have at most ${MAX_SLOTS} queue slots.`) });
export const ChannelSlots = z.object({ channelId: Id, timeZone: z.string(), slots: z.array(z.object({ weekday: z.number(), minuteOfDay: z.number() })) });
export type ChannelSlots = z.infer<typeof ChannelSlots>;

/** POST …/posts/:postId/queue: the post, scheduled at the slot that was picked. */
export const QueuedPost = z.object({
  post: Post,
  slot: z.object({
    channelId: Id,
    at: z.string(),
    timeZone: z.string(),
    /** The slot's local time in the channel's zone, e.g. 2026-10-26T09:00. */
    local: z.string(),
  }),
});
export type QueuedPost = z.infer<typeof QueuedPost>;

/** Why a slot is suggested, as data the web app puts into words. */
export const BestTimeWhy = z.object({
  /** history: your own posts only; blend: your posts mixed with the network prior; network: the prior only. */
  basis: z.enum(['history', 'blend', 'network']),
  /** Your posts published in this weekday × hour slot (in the lookback window). */
  slotPosts: z.number(),
  /** Their recency-weighted engagement ÷ your usual (median) engagement; null without posts here. */
  ratio: z.number().nullable(),
  /** Your posts on this channel in the lookback window. */
  totalPosts: z.number(),
  /** Share of the score that comes from the network prior (0–1). */
  priorShare: z.number(),
});
export type BestTimeWhy = z.infer<typeof BestTimeWhy>;

export const BestTime = z.object({
  weekday: z.number(),
  hour: z.number(),
  /** Relative: 1 is the channel's usual engagement. */
  score: z.number(),
  /** The next time this slot comes round, as an instant. */
  nextAt: z.string(),
  why: BestTimeWhy,
});
export type BestTime = z.infer<typeof BestTime>;

export const BestTimesQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(168).default(5) });
export const BestTimes = z.object({
  channelId: Id,
  timeZone: z.string(),
  network: z.string(),
  halfLifeDays: z.number(),
  totalPosts: z.number(),
  priorShare: z.number(),
  suggestions: z.array(BestTime),
});
export type BestTimes = z.infer<typeof BestTimes>;

/** The caller's secret calendar feed: the URL is shown once, when it is created or rotated. */
export const CalendarFeedStatus = z.object({ active: z.boolean(), createdAt: z.string().nullable() });
export type CalendarFeedStatus = z.infer<typeof CalendarFeedStatus>;
export const CreatedCalendarFeed = z.object({ url: z.string(), createdAt: z.string() });
export type CreatedCalendarFeed = z.infer<typeof CreatedCalendarFeed>;
