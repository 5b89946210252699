import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityMembers } from '../../../db/schema';
import { notFound } from '../../../errors';
import { presentProfile } from '../presenters';

export async function getPublicProfile(db: Db, workspaceId: string, memberId: string) {
  const [row] = await db.select().from(communityMembers).where(and(eq(communityMembers.workspaceId, workspaceId), eq(communityMembers.id, memberId)));
  if (!row) throw notFound('That member');
  return presentProfile(row);
}
