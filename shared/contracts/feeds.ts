import { z } from 'zod';
import { Id } from './common';

/** RSS/Atom curation (P7, C6): a feed's new items become draft posts for its channels. */
export const FeedDraft = z.object({
  postId: Id,
  /** The post's current text (made as title and link; it may have been edited since). */
  text: z.string(),
  createdAt: z.string(),
});

export const Feed = z.object({
  id: Id,
  url: z.string(),
  title: z.string(),
  channelIds: z.array(Id),
  lastFetchedAt: z.string().nullable(),
  /** Why the last fetch failed (cleared by the next good one). */
  lastError: z.string().nullable(),
  /** Items seen so far (drafted or skipped). */
  itemCount: z.number(),
  /** The newest drafts this feed made, newest first (at most 5). */
  recentDrafts: z.array(FeedDraft),
  createdAt: z.string(),
});
export type Feed = z.infer<typeof Feed>;

export const FeedUrl = z
  .string()
  .trim()
  .max(2000, 'Keep the feed address under 2,000 characters.')
  .refine((s) => /^https?:\/\/[^\s]+$/i.test(s) && URL.canParse(s), 'Give the feed address, starting with https:// (or http://).');

export const AddFeedBody = z.strictObject({
  url: FeedUrl,
  channelIds: z.array(Id).min(1, 'Pick at least one channel for the drafts.').max(50),
});

export const FetchFeedResult = z.object({ feed: Feed, newDrafts: z.number() });
