import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Role } from '../../../../shared/roles';
import type { Db } from '../../../db/client';
import { invitations, users, workspaces } from '../../../db/schema';
import { sha256 } from '../../../crypto';
import { notFound } from '../../../errors';

/** What an invitation link offers, readable before signing in. */
export async function findOpenInvitation(db: Db, token: string) {
  const [row] = await db
    .select({ inv: invitations, workspaceName: workspaces.name, invitedBy: users.name })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.tokenHash, sha256(token)), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())));
  if (!row) throw notFound('This invitation (it may have been used, revoked or have expired)');
  return row;
}

export async function previewInvitation(db: Db, token: string) {
  const row = await findOpenInvitation(db, token);
  return { workspaceName: row.workspaceName, email: row.inv.email, roles: row.inv.roles as Role[], invitedBy: row.invitedBy ?? '' };
}
