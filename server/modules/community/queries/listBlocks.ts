import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityBlocks, communityMembers } from '../../../db/schema';
import type { MemberViewer } from '../policies';

/** The members the viewer blocked, latest first. */
export async function listBlocks(db: Db, viewer: MemberViewer) {
  const rows = await db
    .select({ id: communityMembers.id, displayName: communityMembers.displayName, avatarUrl: communityMembers.avatarUrl, createdAt: communityBlocks.createdAt })
    .from(communityBlocks)
    .innerJoin(communityMembers, eq(communityMembers.id, communityBlocks.blockedMemberId))
    .where(and(eq(communityBlocks.workspaceId, viewer.workspaceId), eq(communityBlocks.blockerMemberId, viewer.member.id)))
    .orderBy(desc(communityBlocks.createdAt));
  return { blocks: rows.map((r) => ({ member: { id: r.id, displayName: r.displayName, avatarUrl: r.avatarUrl }, createdAt: r.createdAt.toISOString() })) };
}
