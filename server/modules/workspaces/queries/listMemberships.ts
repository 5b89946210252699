import { asc, eq } from 'drizzle-orm';
import type { Role } from '../../../../shared/roles';
import type { Db } from '../../../db/client';
import { workspaceMembers, workspaces } from '../../../db/schema';

export async function listMemberships(db: Db, userId: string) {
  const rows = await db
    .select({ workspaceId: workspaces.id, workspaceName: workspaces.name, roles: workspaceMembers.roles, hat: workspaceMembers.hat })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(eq(workspaceMembers.userId, userId))
    .orderBy(asc(workspaces.name), asc(workspaces.id));
  return rows.map((r) => ({ ...r, roles: r.roles as Role[], hat: r.hat as Role }));
}
