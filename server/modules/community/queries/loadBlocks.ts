import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityBlocks } from '../../../db/schema';
import type { Viewer } from '../policies';

/** The members this viewer blocked (empty for anyone but a member). */
export async function loadBlockedIds(db: Db, viewer: Viewer): Promise<Set<string>> {
  if (viewer.kind !== 'member') return new Set();
  const rows = await db
    .select({ id: communityBlocks.blockedMemberId })
    .from(communityBlocks)
    .where(and(eq(communityBlocks.workspaceId, viewer.workspaceId), eq(communityBlocks.blockerMemberId, viewer.member.id)));
  return new Set(rows.map((r) => r.id));
}

/** Whether `blocker` blocked `blocked`. */
export async function isBlockedBy(db: Db, workspaceId: string, blocker: string, blocked: string): Promise<boolean> {
  const [row] = await db
    .select({ id: communityBlocks.blockerMemberId })
    .from(communityBlocks)
    .where(and(eq(communityBlocks.workspaceId, workspaceId), eq(communityBlocks.blockerMemberId, blocker), eq(communityBlocks.blockedMemberId, blocked)));
  return !!row;
}
