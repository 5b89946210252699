import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { users, workspaceMembers } from '../../../db/schema';
import { handleOf, type MemberHandle } from '../mentions';

/** Everyone who can be @mentioned in the workspace, with their roles. */
export async function listMemberHandles(db: Db, workspaceId: string): Promise<(MemberHandle & { roles: string[] })[]> {
  const rows = await db
    .select({ userId: users.id, name: users.name, email: users.email, roles: workspaceMembers.roles })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.userId))
    .where(eq(workspaceMembers.workspaceId, workspaceId));
  return rows.map((r) => ({ userId: r.userId, name: r.name, handle: handleOf(r.email), roles: r.roles }));
}
