import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityBlocks } from '../../../db/schema';
import { AppError } from '../../../errors';
import type { MemberViewer } from '../policies';
import { findMember } from '../queries/getMemberStanding';
import { listBlocks } from '../queries/listBlocks';

/**
 * A member blocks (on) or unblocks (off) another member; both idempotent. The blocker then sees the
 * other's posts as placeholders, and the other cannot reply to (quote) the blocker's posts.
 */
export async function setBlock({ db, viewer, memberId, on }: { db: Db; viewer: MemberViewer; memberId: string; on: boolean }) {
  if (memberId === viewer.member.id) throw new AppError('BAD_REQUEST', 'You cannot block yourself.');
  const other = await findMember(db, viewer.workspaceId, memberId);
  const key = { workspaceId: viewer.workspaceId, blockerMemberId: viewer.member.id, blockedMemberId: other.id };
  if (on) await db.insert(communityBlocks).values(key).onConflictDoNothing();
  else {
    await db
      .delete(communityBlocks)
      .where(and(eq(communityBlocks.workspaceId, key.workspaceId), eq(communityBlocks.blockerMemberId, key.blockerMemberId), eq(communityBlocks.blockedMemberId, key.blockedMemberId)));
  }
  return listBlocks(db, viewer);
}
