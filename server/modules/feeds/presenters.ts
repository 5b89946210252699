import type { feeds } from '../../db/schema';

export interface FeedDraftRow {
  postId: string;
  text: string;
  createdAt: Date;
}

/** The API shape of a feed: an explicit field list (the cache validators stay on the server). */
export function presentFeed(f: typeof feeds.$inferSelect, itemCount: number, drafts: FeedDraftRow[]) {
  return {
    id: f.id,
    url: f.url,
    title: f.title,
    channelIds: f.channelIds,
    lastFetchedAt: f.lastFetchedAt?.toISOString() ?? null,
    lastError: f.lastError,
    itemCount,
    recentDrafts: drafts.map((d) => ({ postId: d.postId, text: d.text, createdAt: d.createdAt.toISOString() })),
    createdAt: f.createdAt.toISOString(),
  };
}
