import { and, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityBlocks, communityThreads } from '../../../db/schema';
import type { Viewer } from '../policies';
import { presentSpace, presentThreadSummary } from '../presenters';
import { findReadableSpace, findReadableSpaceBySlug } from './findSpace';
import { loadAuthors } from './loadAuthors';
import { replyCountSql } from './replyCount';

const PAGE = 50;

/**
 * A readable space (by id or slug) and its latest threads: published, unhidden ones (without those of
 * members the viewer blocked), plus the viewer's own pending or hidden ones; all of them for staff.
 */
export async function getSpaceWithThreads(db: Db, viewer: Viewer, by: { spaceId: string } | { slug: string }) {
  const space = 'slug' in by ? await findReadableSpaceBySlug(db, viewer, by.slug) : await findReadableSpace(db, viewer, by.spaceId);
  let visible: SQL | undefined = and(eq(communityThreads.state, 'published'), isNull(communityThreads.hiddenAt));
  if (viewer.kind === 'staff') visible = undefined;
  if (viewer.kind === 'member') {
    // Qualified by hand, as in replyCount.ts: Drizzle unqualifies columns in a single-table select.
    const notBlocked = sql`not exists (select 1 from ${communityBlocks} b where b.blocker_member_id = ${viewer.member.id} and b.blocked_member_id = ${sql.identifier('community_threads')}.${sql.identifier('author_member_id')})`;
    visible = or(and(visible, notBlocked), eq(communityThreads.authorMemberId, viewer.member.id));
  }
  const rows = await db
    .select({ thread: communityThreads, replyCount: replyCountSql })
    .from(communityThreads)
    .where(and(eq(communityThreads.workspaceId, viewer.workspaceId), eq(communityThreads.spaceId, space.id), isNull(communityThreads.deletedAt), visible))
    .orderBy(desc(communityThreads.lastPostedAt))
    .limit(PAGE);
  const authors = await loadAuthors(db, viewer, rows.map((r) => r.thread));
  return { space: presentSpace(space), threads: rows.map((r) => presentThreadSummary(r.thread, Number(r.replyCount), authors)) };
}
