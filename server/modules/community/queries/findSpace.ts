import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communitySpaceInvites, communitySpaces } from '../../../db/schema';
import { conflict, notFound } from '../../../errors';
import { assertCanReadSpace, type Viewer } from '../policies';

export async function findSpaceById(db: Db, workspaceId: string, spaceId: string) {
  const [row] = await db.select().from(communitySpaces).where(and(eq(communitySpaces.workspaceId, workspaceId), eq(communitySpaces.id, spaceId)));
  if (!row) throw notFound('That space');
  return row;
}

export async function assertSlugFree(db: Db, workspaceId: string, slug: string): Promise<void> {
  const [taken] = await db.select({ id: communitySpaces.id }).from(communitySpaces).where(and(eq(communitySpaces.workspaceId, workspaceId), eq(communitySpaces.slug, slug)));
  if (taken) throw conflict(`Another space already uses the address "${slug}"; pick another slug.`);
}

/** Whether a member was invited to a (private) space. */
export async function isInvited(db: Db, workspaceId: string, spaceId: string, viewer: Viewer): Promise<boolean> {
  if (viewer.kind !== 'member') return false;
  const [row] = await db
    .select({ spaceId: communitySpaceInvites.spaceId })
    .from(communitySpaceInvites)
    .where(and(eq(communitySpaceInvites.workspaceId, workspaceId), eq(communitySpaceInvites.spaceId, spaceId), eq(communitySpaceInvites.memberId, viewer.member.id)));
  return !!row;
}

/** A space the viewer may read, by id; the policy decides between "sign in" and "not found". */
export async function findReadableSpace(db: Db, viewer: Viewer, spaceId: string) {
  const space = await findSpaceById(db, viewer.workspaceId, spaceId);
  assertCanReadSpace(viewer, space, await isInvited(db, viewer.workspaceId, space.id, viewer));
  return space;
}

export async function findReadableSpaceBySlug(db: Db, viewer: Viewer, slug: string) {
  const [space] = await db.select().from(communitySpaces).where(and(eq(communitySpaces.workspaceId, viewer.workspaceId), eq(communitySpaces.slug, slug)));
  if (!space) throw notFound('That space');
  assertCanReadSpace(viewer, space, await isInvited(db, viewer.workspaceId, space.id, viewer));
  return space;
}
