import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityBookmarks, communityFollows } from '../../../db/schema';
import type { Viewer } from '../policies';

/** Whether the viewing member bookmarked and follows a thread; null for anyone but a member. */
export async function getThreadMarks(db: Db, viewer: Viewer, threadId: string) {
  if (viewer.kind !== 'member') return null;
  const mine = (t: typeof communityBookmarks | typeof communityFollows) => and(eq(t.workspaceId, viewer.workspaceId), eq(t.threadId, threadId), eq(t.memberId, viewer.member.id));
  const [bookmark] = await db.select({ id: communityBookmarks.threadId }).from(communityBookmarks).where(mine(communityBookmarks));
  const [follow] = await db.select({ id: communityFollows.threadId }).from(communityFollows).where(mine(communityFollows));
  return { bookmarked: !!bookmark, following: !!follow };
}
