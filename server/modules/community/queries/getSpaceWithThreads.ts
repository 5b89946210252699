import { and, desc, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityThreads } from '../../../db/schema';
import type { Viewer } from '../policies';
import { presentSpace, presentThreadSummary } from '../presenters';
import { findReadableSpace, findReadableSpaceBySlug } from './findSpace';
import { loadAuthors } from './loadAuthors';
import { replyCountSql } from './replyCount';

const PAGE = 50;

/** A readable space (by id or slug) and its latest threads: published ones, plus the viewer's own pending ones (all for staff). */
export async function getSpaceWithThreads(db: Db, viewer: Viewer, by: { spaceId: string } | { slug: string }) {
  const space = 'slug' in by ? await findReadableSpaceBySlug(db, viewer, by.slug) : await findReadableSpace(db, viewer, by.spaceId);
  let visible: SQL | undefined = eq(communityThreads.state, 'published');
  if (viewer.kind === 'staff') visible = undefined;
  if (viewer.kind === 'member') visible = or(visible, eq(communityThreads.authorMemberId, viewer.member.id));
  const rows = await db
    .select({ thread: communityThreads, replyCount: replyCountSql })
    .from(communityThreads)
    .where(and(eq(communityThreads.workspaceId, viewer.workspaceId), eq(communityThreads.spaceId, space.id), isNull(communityThreads.deletedAt), visible))
    .orderBy(desc(communityThreads.lastPostedAt))
    .limit(PAGE);
  const authors = await loadAuthors(db, viewer, rows.map((r) => r.thread));
  return { space: presentSpace(space), threads: rows.map((r) => presentThreadSummary(r.thread, Number(r.replyCount), authors)) };
}
