import type { Role } from '../../shared/roles';
import { workspaceMembers } from '../db/schema';
import { signUpUser } from './apiClient';
import type { TestTandem } from './testServer';

/** A new user who holds `roles` in the workspace (written directly: invitations have their own tests). */
export async function addMember(t: TestTandem, workspaceId: string, roles: Role[]) {
  const u = await signUpUser(t.baseUrl, roles.join('+'));
  await t.database.db.insert(workspaceMembers).values({ workspaceId, userId: u.userId, roles, hat: roles[0]! });
  return u.client;
}
