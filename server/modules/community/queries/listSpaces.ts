import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communitySpaceInvites, communitySpaces } from '../../../db/schema';
import { presentSpace } from '../presenters';
import type { Viewer } from '../policies';

/** The condition on community_spaces that keeps the spaces this viewer may read (the policy of canReadSpace, in SQL). */
export function readableSpaces(db: Db, viewer: Viewer) {
  const { workspaceId } = viewer;
  const ws = eq(communitySpaces.workspaceId, workspaceId);
  let where = and(ws, eq(communitySpaces.visibility, 'public'));
  if (viewer.kind === 'staff') where = ws;
  if (viewer.kind === 'member') {
    const invited = db
      .select({ id: communitySpaceInvites.spaceId })
      .from(communitySpaceInvites)
      .where(and(eq(communitySpaceInvites.workspaceId, workspaceId), eq(communitySpaceInvites.memberId, viewer.member.id)));
    where = and(ws, or(inArray(communitySpaces.visibility, ['public', 'members']), inArray(communitySpaces.id, invited)));
  }
  return where;
}

/** The spaces this viewer may read, in the team's order. */
export async function listSpaces(db: Db, viewer: Viewer) {
  const rows = await db.select().from(communitySpaces).where(readableSpaces(db, viewer)).orderBy(asc(communitySpaces.position), asc(communitySpaces.name));
  return { spaces: rows.map(presentSpace) };
}
