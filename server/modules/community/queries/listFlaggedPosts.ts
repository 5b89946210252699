import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityFlags, communityMembers, communityPosts, communityThreads } from '../../../db/schema';
import type { StaffViewer } from '../policies';
import { presentAuthor } from '../presenters';
import { loadAuthors } from './loadAuthors';

const MAX_FLAGS = 1000;

/** Open flags grouped by post: most-flagged posts first, then the longest waiting. */
export async function listFlaggedPosts(db: Db, staff: StaffViewer) {
  const rows = await db
    .select({ flag: communityFlags, post: communityPosts, threadTitle: communityThreads.title, flaggerName: communityMembers.displayName })
    .from(communityFlags)
    .innerJoin(communityPosts, eq(communityPosts.id, communityFlags.postId))
    .innerJoin(communityThreads, eq(communityThreads.id, communityPosts.threadId))
    .innerJoin(communityMembers, eq(communityMembers.id, communityFlags.flaggerMemberId))
    .where(and(eq(communityFlags.workspaceId, staff.workspaceId), eq(communityFlags.status, 'pending')))
    .orderBy(asc(communityFlags.createdAt))
    .limit(MAX_FLAGS);
  const authors = await loadAuthors(db, staff, rows.map((r) => r.post));
  const byPost = new Map<string, { first: (typeof rows)[number]; flags: (typeof rows)[number][] }>();
  for (const r of rows) {
    const entry = byPost.get(r.post.id) ?? { first: r, flags: [] };
    entry.flags.push(r);
    byPost.set(r.post.id, entry);
  }
  const posts = [...byPost.values()].map(({ first, flags }) => {
    const p = first.post;
    const reasons: Record<string, number> = {};
    for (const f of flags) reasons[f.flag.reason] = (reasons[f.flag.reason] ?? 0) + 1;
    const { kind, id, displayName } = presentAuthor(p, authors);
    return {
      postId: p.id,
      threadId: p.threadId,
      threadTitle: first.threadTitle,
      spaceId: p.spaceId,
      isOpening: p.isOpening,
      author: { kind, id, displayName },
      // Staff read flagged words even when deleted: they judge what was reported.
      bodySource: p.bodySource,
      bodyHtml: p.bodyHtml,
      hidden: !!p.hiddenAt,
      deleted: !!p.deletedAt,
      postCreatedAt: p.createdAt.toISOString(),
      reasons,
      flagCount: flags.length,
      firstFlaggedAt: first.flag.createdAt.toISOString(),
      flags: flags.map((f) => ({ id: f.flag.id, reason: f.flag.reason, message: f.flag.message, flagger: { id: f.flag.flaggerMemberId, displayName: f.flaggerName }, createdAt: f.flag.createdAt.toISOString() })),
    };
  });
  posts.sort((a, b) => b.flagCount - a.flagCount || a.firstFlaggedAt.localeCompare(b.firstFlaggedAt));
  return { posts };
}
