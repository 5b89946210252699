import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityMembers, communitySpaceInvites, type communitySpaces } from '../../../db/schema';

/**
 * Which of these members may read the space (the same rule as canReadSpace, for many members at once):
 * any member of the community for public and members-only spaces, invited members for private ones.
 */
export async function filterReaders(db: Db, space: Pick<typeof communitySpaces.$inferSelect, 'id' | 'workspaceId' | 'visibility'>, memberIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(memberIds)];
  if (ids.length === 0) return new Set();
  const rows =
    space.visibility === 'private'
      ? await db
          .select({ id: communitySpaceInvites.memberId })
          .from(communitySpaceInvites)
          .where(and(eq(communitySpaceInvites.workspaceId, space.workspaceId), eq(communitySpaceInvites.spaceId, space.id), inArray(communitySpaceInvites.memberId, ids)))
      : await db
          .select({ id: communityMembers.id })
          .from(communityMembers)
          .where(and(eq(communityMembers.workspaceId, space.workspaceId), inArray(communityMembers.id, ids)));
  return new Set(rows.map((r) => r.id));
}
