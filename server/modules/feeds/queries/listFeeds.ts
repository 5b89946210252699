import { and, count, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { feedItems, feeds, posts } from '../../../db/schema';
import { notFound } from '../../../errors';
import { presentFeed } from '../presenters';

const RECENT_DRAFTS = 5;

/** The workspace's feeds, newest first, each with its item count and latest drafts. */
export async function listFeeds(db: Db, workspaceId: string, feedId?: string) {
  const rows = await db
    .select()
    .from(feeds)
    .where(and(eq(feeds.workspaceId, workspaceId), feedId ? eq(feeds.id, feedId) : undefined))
    .orderBy(desc(feeds.createdAt), desc(feeds.id));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const counts = await db.select({ feedId: feedItems.feedId, n: count() }).from(feedItems).where(inArray(feedItems.feedId, ids)).groupBy(feedItems.feedId);
  const countOf = new Map(counts.map((c) => [c.feedId, Number(c.n)]));
  // A workspace has a handful of feeds: one small query each keeps the "latest 5 per feed" plain.
  const drafts = await Promise.all(
    rows.map((f) =>
      db
        .select({ postId: posts.id, text: posts.text, createdAt: posts.createdAt })
        .from(feedItems)
        .innerJoin(posts, and(eq(posts.id, feedItems.postId), eq(posts.workspaceId, workspaceId)))
        .where(and(eq(feedItems.feedId, f.id), isNotNull(feedItems.postId)))
        .orderBy(desc(feedItems.seenAt), desc(posts.createdAt))
        .limit(RECENT_DRAFTS),
    ),
  );
  return rows.map((f, i) => presentFeed(f, countOf.get(f.id) ?? 0, drafts[i]!));
}

export async function getFeed(db: Db, workspaceId: string, feedId: string) {
  const [feed] = await listFeeds(db, workspaceId, feedId);
  if (!feed) throw notFound('That feed');
  return feed;
}
