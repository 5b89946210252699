import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { HostCommunityPost } from '../../../../connectors/types';
import type { Db } from '../../../db/client';
import { communityMembers, communityPosts, communityThreads } from '../../../db/schema';

/**
 * Posts of one space for the community's channel (its connector's inbound pull): after a position
 * (`seq`), or by id, each with its thread, author and state — pending and deleted ones too, so the
 * connector can wait for an approval or drop a deleted post. Scoped by workspace and space.
 */
export async function spaceActivity(db: Db, workspaceId: string, spaceId: string, by: { afterSeq: number; limit: number } | { ids: string[] }): Promise<HostCommunityPost[]> {
  const scope = and(eq(communityPosts.workspaceId, workspaceId), eq(communityPosts.spaceId, spaceId));
  const rows = await db
    .select({ post: communityPosts, thread: communityThreads, member: { id: communityMembers.id, displayName: communityMembers.displayName, avatarUrl: communityMembers.avatarUrl } })
    .from(communityPosts)
    .innerJoin(communityThreads, eq(communityThreads.id, communityPosts.threadId))
    .leftJoin(communityMembers, eq(communityMembers.id, communityPosts.authorMemberId))
    .where('ids' in by ? and(scope, inArray(communityPosts.id, by.ids.length ? by.ids : ['00000000-0000-0000-0000-000000000000'])) : and(scope, gt(communityPosts.seq, by.afterSeq)))
    .orderBy(asc(communityPosts.seq))
    .limit('ids' in by ? by.ids.length || 1 : by.limit);
  const threadIds = [...new Set(rows.map((r) => r.thread.id))];
  const openings = threadIds.length
    ? await db
        .select({ threadId: communityPosts.threadId, id: communityPosts.id })
        .from(communityPosts)
        .where(and(eq(communityPosts.workspaceId, workspaceId), inArray(communityPosts.threadId, threadIds), eq(communityPosts.isOpening, true)))
    : [];
  const openingOf = new Map(openings.map((o) => [o.threadId, o.id]));
  return rows.map(({ post, thread, member }) => ({
    id: post.id,
    seq: post.seq,
    threadId: thread.id,
    threadTitle: thread.title,
    threadByStaff: thread.authorUserId !== null,
    openingPostId: openingOf.get(thread.id) ?? post.id,
    isOpening: post.isOpening,
    replyToId: post.replyToId,
    author: member ? { kind: 'member' as const, id: member.id, displayName: member.displayName, ...(member.avatarUrl && { avatarUrl: member.avatarUrl }) } : { kind: 'staff' as const, id: post.authorUserId ?? 'staff', displayName: 'Staff' },
    text: post.bodySource,
    state: post.deletedAt || thread.deletedAt ? 'deleted' : post.state,
    createdAt: post.createdAt,
  }));
}
