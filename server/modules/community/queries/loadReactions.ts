import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityReactions } from '../../../db/schema';
import type { Viewer } from '../policies';
import type { PostReactions } from '../presenters';

/** Reaction counts of some posts, and which of them are the viewing member's own. */
export async function loadReactions(db: Db, viewer: Viewer, postIds: string[]): Promise<Map<string, PostReactions>> {
  const out = new Map<string, PostReactions>();
  if (!postIds.length) return out;
  const rows = await db
    .select({
      postId: communityReactions.postId,
      reaction: communityReactions.reaction,
      n: sql<number>`count(*)::int`,
      mine: viewer.kind === 'member' ? sql<boolean>`bool_or(${communityReactions.memberId} = ${viewer.member.id})` : sql<boolean>`false`,
    })
    .from(communityReactions)
    .where(and(eq(communityReactions.workspaceId, viewer.workspaceId), inArray(communityReactions.postId, postIds)))
    .groupBy(communityReactions.postId, communityReactions.reaction)
    .orderBy(communityReactions.reaction);
  for (const r of rows) {
    const entry = out.get(r.postId) ?? { counts: {}, mine: [] };
    entry.counts[r.reaction] = Number(r.n);
    if (r.mine) entry.mine.push(r.reaction);
    out.set(r.postId, entry);
  }
  return out;
}
