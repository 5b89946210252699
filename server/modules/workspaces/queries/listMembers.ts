import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { users, workspaceMembers } from '../../../db/schema';
import { presentMember } from '../presenters';

export async function listMembers(db: Db, workspaceId: string) {
  const rows = await db
    .select({ m: workspaceMembers, name: users.name, email: users.email })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.userId))
    .where(eq(workspaceMembers.workspaceId, workspaceId))
    .orderBy(asc(users.name));
  return rows.map((r) => presentMember(r.m, r));
}
