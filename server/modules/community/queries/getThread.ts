import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityPosts, communityThreads } from '../../../db/schema';
import { notFound } from '../../../errors';
import { canSeeHidden, canSeePending, placeholderFor, type Viewer } from '../policies';
import { presentPost, presentSpace, presentThreadSummary } from '../presenters';
import { findReadableSpace } from './findSpace';
import { getThreadMarks } from './getThreadMarks';
import { loadAuthors } from './loadAuthors';
import { loadBlockedIds } from './loadBlocks';
import { loadReactions } from './loadReactions';

/** A thread the viewer may read (its space readable, not deleted, pending or hidden only for its author and staff). */
export async function findReadableThread(db: Db, viewer: Viewer, threadId: string) {
  const [thread] = await db.select().from(communityThreads).where(and(eq(communityThreads.workspaceId, viewer.workspaceId), eq(communityThreads.id, threadId)));
  if (!thread || thread.deletedAt) throw notFound('That thread');
  const space = await findReadableSpace(db, viewer, thread.spaceId);
  if (thread.state === 'pending' && !canSeePending(viewer, thread)) throw notFound('That thread');
  if (thread.hiddenAt && !canSeeHidden(viewer, thread)) throw notFound('That thread');
  return { thread, space };
}

/**
 * The thread with its posts in order: deleted ones as placeholders, pending ones only for whom may see
 * them; hidden posts and posts by members the viewer blocked without their words.
 */
export async function getThread(db: Db, viewer: Viewer, threadId: string) {
  const { thread, space } = await findReadableThread(db, viewer, threadId);
  const rows = await db
    .select()
    .from(communityPosts)
    .where(and(eq(communityPosts.workspaceId, viewer.workspaceId), eq(communityPosts.threadId, thread.id)))
    .orderBy(asc(communityPosts.seq));
  const visible = rows.filter((p) => p.state === 'published' || (!p.deletedAt && canSeePending(viewer, p)));
  const authors = await loadAuthors(db, viewer, [thread, ...visible]);
  const blocked = await loadBlockedIds(db, viewer);
  const placeholders = new Map(visible.map((p) => [p.id, placeholderFor(viewer, p, blocked)]));
  const reactions = await loadReactions(db, viewer, visible.filter((p) => !p.deletedAt && !placeholders.get(p.id)).map((p) => p.id));
  const replyCount = rows.filter((p) => !p.isOpening && p.state === 'published' && !p.deletedAt && !p.hiddenAt).length;
  return {
    ...presentThreadSummary(thread, replyCount, authors),
    space: presentSpace(space),
    posts: visible.map((p) => presentPost(p, authors, reactions.get(p.id), placeholders.get(p.id) ?? null)),
    viewer: await getThreadMarks(db, viewer, thread.id),
  };
}
