import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communitySpaces, communityThreads } from '../../../db/schema';

/** Sitemaps hold at most 50,000 addresses. */
const SITEMAP_MAX = 50_000;

/** What anyone may read: public spaces and their published, unhidden threads, newest activity first. */
export async function listSitemapEntries(db: Db, workspaceId: string) {
  const spaces = await db
    .select({ slug: communitySpaces.slug })
    .from(communitySpaces)
    .where(and(eq(communitySpaces.workspaceId, workspaceId), eq(communitySpaces.visibility, 'public')))
    .orderBy(communitySpaces.position);
  const threads = await db
    .select({ id: communityThreads.id, title: communityThreads.title, lastPostedAt: communityThreads.lastPostedAt })
    .from(communityThreads)
    .innerJoin(communitySpaces, eq(communitySpaces.id, communityThreads.spaceId))
    .where(and(eq(communityThreads.workspaceId, workspaceId), eq(communitySpaces.visibility, 'public'), eq(communityThreads.state, 'published'), isNull(communityThreads.deletedAt), isNull(communityThreads.hiddenAt)))
    .orderBy(desc(communityThreads.lastPostedAt))
    .limit(SITEMAP_MAX - spaces.length - 1);
  return { spaces, threads };
}
