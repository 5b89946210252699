import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityMembers, communitySpaceInvites } from '../../../db/schema';
import { presentProfile } from '../presenters';
import { findSpaceById } from './findSpace';

/** The members invited to a space (who may read it when it is private), by name. */
export async function listSpaceInvites(db: Db, workspaceId: string, spaceId: string) {
  const space = await findSpaceById(db, workspaceId, spaceId);
  const rows = await db
    .select({ member: communityMembers })
    .from(communitySpaceInvites)
    .innerJoin(communityMembers, and(eq(communityMembers.id, communitySpaceInvites.memberId), eq(communityMembers.workspaceId, workspaceId)))
    .where(and(eq(communitySpaceInvites.workspaceId, workspaceId), eq(communitySpaceInvites.spaceId, space.id)))
    .orderBy(asc(communityMembers.displayName));
  return { members: rows.map((r) => presentProfile(r.member)) };
}
