import { and, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityPosts, communityThreads } from '../../../db/schema';
import type { Viewer } from '../policies';
import { presentSpace, presentThreadSummary } from '../presenters';
import { findReadableSpace, findReadableSpaceBySlug } from './findSpace';
import { loadAuthors } from './loadAuthors';

const PAGE = 50;

/** A readable space (by id or slug) and its latest threads: published ones, plus the viewer's own pending ones (all for staff). */
export async function getSpaceWithThreads(db: Db, viewer: Viewer, by: { spaceId: string } | { slug: string }) {
  const space = 'slug' in by ? await findReadableSpaceBySlug(db, viewer, by.slug) : await findReadableSpace(db, viewer, by.spaceId);
  let visible: SQL | undefined = eq(communityThreads.state, 'published');
  if (viewer.kind === 'staff') visible = undefined;
  if (viewer.kind === 'member') visible = or(visible, eq(communityThreads.authorMemberId, viewer.member.id));
  const replyCount = sql<number>`(select count(*)::int from ${communityPosts} p where p.thread_id = ${communityThreads.id} and not p.is_opening and p.state = 'published' and p.deleted_at is null)`;
  const rows = await db
    .select({ thread: communityThreads, replyCount })
    .from(communityThreads)
    .where(and(eq(communityThreads.workspaceId, viewer.workspaceId), eq(communityThreads.spaceId, space.id), isNull(communityThreads.deletedAt), visible))
    .orderBy(desc(communityThreads.lastPostedAt))
    .limit(PAGE);
  const authors = await loadAuthors(db, viewer.workspaceId, rows.map((r) => r.thread));
  return { space: presentSpace(space), threads: rows.map((r) => presentThreadSummary(r.thread, Number(r.replyCount), authors)) };
}
