import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityPosts, communityThreads } from '../../../db/schema';
import type { StaffViewer } from '../policies';
import { presentPost } from '../presenters';
import { loadAuthors } from './loadAuthors';

/** The approval queue: pending threads and replies, oldest first. */
export async function listPendingPosts(db: Db, staff: StaffViewer) {
  const rows = await db
    .select({ post: communityPosts, threadTitle: communityThreads.title })
    .from(communityPosts)
    .innerJoin(communityThreads, eq(communityThreads.id, communityPosts.threadId))
    .where(and(eq(communityPosts.workspaceId, staff.workspaceId), eq(communityPosts.state, 'pending'), isNull(communityPosts.deletedAt), isNull(communityThreads.deletedAt)))
    .orderBy(asc(communityPosts.seq))
    .limit(200);
  const authors = await loadAuthors(db, staff, rows.map((r) => r.post));
  return { posts: rows.map((r) => ({ ...presentPost(r.post, authors), threadTitle: r.threadTitle, spaceId: r.post.spaceId })) };
}
