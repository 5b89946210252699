import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { invitations } from '../../../db/schema';
import { presentInvitation } from '../presenters';

/** Invitations not revoked, pending first. */
export async function listInvitations(db: Db, workspaceId: string) {
  const rows = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.workspaceId, workspaceId), isNull(invitations.revokedAt)))
    .orderBy(desc(invitations.createdAt));
  return rows.map(presentInvitation);
}
