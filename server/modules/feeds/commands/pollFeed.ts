import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../../context';
import { feedItems, feeds } from '../../../db/schema';
import { createPost } from '../../publishing';
import { draftText, feedAuthor, liveChannels, MAX_DRAFTS_PER_FETCH } from '../drafting';
import { FeedFetchError, fetchFeed } from '../source/fetchFeed';
import type { FeedEntry } from '../source/parseFeed';

/** What a fetch needs: the route passes its AppContext, the job the same services from its JobContext. */
export type FeedServices = Pick<AppContext, 'db' | 'jobs' | 'log'>;

export interface PollResult {
  /** False when the feed no longer exists (removed meanwhile). */
  found: boolean;
  newDrafts: number;
}

/**
 * Fetches one feed (conditionally) and turns each item never seen before into a draft post for the
 * feed's channels, through the composer's own command. Never publishes. Idempotent: an item is
 * claimed in feed_items (unique per feed and guid) in the same transaction as its draft, so two
 * fetches at once, or a fetch repeated, never draft an item twice. A failure is recorded on the feed
 * (`lastError`) and does not throw.
 */
export async function pollFeed(svc: FeedServices, feedId: string, workspaceId?: string): Promise<PollResult> {
  const [feed] = await svc.db.select().from(feeds).where(and(eq(feeds.id, feedId), workspaceId ? eq(feeds.workspaceId, workspaceId) : undefined));
  if (!feed) return { found: false, newDrafts: 0 };
  const fail = async (message: string) => {
    await svc.db.update(feeds).set({ lastFetchedAt: new Date(), lastError: message }).where(eq(feeds.id, feed.id));
    return { found: true, newDrafts: 0 };
  };
  let outcome;
  try {
    outcome = await fetchFeed(feed.url, { etag: feed.etag, lastModified: feed.lastModified });
  } catch (err) {
    if (!(err instanceof FeedFetchError)) svc.log.warn({ err, feedId }, 'feeds: unexpected failure while fetching a feed');
    return fail(err instanceof FeedFetchError ? err.message : 'The feed could not be read.');
  }
  if (outcome.kind === 'not_modified') {
    await svc.db.update(feeds).set({ lastFetchedAt: new Date(), lastError: null }).where(eq(feeds.id, feed.id));
    return { found: true, newDrafts: 0 };
  }
  const fresh = await unseen(svc, feed.id, outcome.feed.entries);
  if (fresh.length > 0) {
    const channelIds = await liveChannels(svc.db, feed);
    if (channelIds.length === 0) return fail('None of the channels this feed drafts for is still connected. Remove the feed and add it again with a channel.');
    const author = await feedAuthor(svc.db, feed);
    if (!author) return fail('Nobody in the workspace may write posts any more, so the drafts have no author.');
    try {
      const drafted = await draftAll(svc, feed.id, fresh, { channelIds, author });
      await svc.db.update(feeds).set({ etag: outcome.etag, lastModified: outcome.lastModified, lastFetchedAt: new Date(), lastError: null }).where(eq(feeds.id, feed.id));
      return { found: true, newDrafts: drafted };
    } catch (err) {
      svc.log.warn({ err, feedId }, 'feeds: making a draft failed');
      return fail(`A draft could not be made: ${(err as Error).message}`);
    }
  }
  await svc.db.update(feeds).set({ etag: outcome.etag, lastModified: outcome.lastModified, lastFetchedAt: new Date(), lastError: null }).where(eq(feeds.id, feed.id));
  return { found: true, newDrafts: 0 };
}

/** The entries (newest first) whose guid the feed has not seen yet. */
async function unseen(svc: FeedServices, feedId: string, entries: FeedEntry[]): Promise<FeedEntry[]> {
  const unique = [...new Map(entries.map((e) => [e.guid, e])).values()];
  if (unique.length === 0) return [];
  const seen = await svc.db.select({ guid: feedItems.guid }).from(feedItems).where(and(eq(feedItems.feedId, feedId), inArray(feedItems.guid, unique.map((e) => e.guid))));
  const known = new Set(seen.map((s) => s.guid));
  return unique.filter((e) => !known.has(e.guid));
}

/** The newest few become drafts (oldest of them first, so the drafts list reads in feed order); the rest are only marked seen. */
async function draftAll(svc: FeedServices, feedId: string, fresh: FeedEntry[], o: { channelIds: string[]; author: NonNullable<Awaited<ReturnType<typeof feedAuthor>>> }): Promise<number> {
  const toDraft = fresh.slice(0, MAX_DRAFTS_PER_FETCH).reverse();
  const skipped = fresh.slice(MAX_DRAFTS_PER_FETCH);
  if (skipped.length) await svc.db.insert(feedItems).values(skipped.map((e) => ({ feedId, guid: e.guid }))).onConflictDoNothing();
  let made = 0;
  for (const entry of toDraft) {
    await svc.db.transaction(async (tx) => {
      const [claimed] = await tx.insert(feedItems).values({ feedId, guid: entry.guid }).onConflictDoNothing().returning({ id: feedItems.id });
      if (!claimed) return; // another fetch drafted it first
      // createPost reads only db and jobs from its context; the job has no web-only services.
      const post = await createPost({ ctx: { ...svc, db: tx } as unknown as AppContext, actor: o.author, text: draftText(entry), channelIds: o.channelIds });
      await tx.update(feedItems).set({ postId: post.id }).where(eq(feedItems.id, claimed.id));
      made++;
    });
  }
  return made;
}
