import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityBookmarks, communityThreads } from '../../../db/schema';
import { canSeeHidden, canSeePending, type MemberViewer } from '../policies';
import { presentThreadSummary } from '../presenters';
import { listSpaces } from './listSpaces';
import { loadAuthors } from './loadAuthors';
import { replyCountSql } from './replyCount';

/** The member's bookmarked threads, latest bookmark first; threads they can no longer read are left out. */
export async function listBookmarks(db: Db, viewer: MemberViewer) {
  const rows = await db
    .select({ thread: communityThreads, replyCount: replyCountSql })
    .from(communityBookmarks)
    .innerJoin(communityThreads, eq(communityThreads.id, communityBookmarks.threadId))
    .where(and(eq(communityBookmarks.workspaceId, viewer.workspaceId), eq(communityBookmarks.memberId, viewer.member.id), isNull(communityThreads.deletedAt)))
    .orderBy(desc(communityBookmarks.createdAt))
    .limit(200);
  const readable = new Set((await listSpaces(db, viewer)).spaces.map((s) => s.id));
  const visible = rows.filter(({ thread: t }) => readable.has(t.spaceId) && (t.state === 'published' || canSeePending(viewer, t)) && (!t.hiddenAt || canSeeHidden(viewer, t)));
  const authors = await loadAuthors(db, viewer, visible.map((r) => r.thread));
  return { threads: visible.map((r) => presentThreadSummary(r.thread, Number(r.replyCount), authors)) };
}
