import { and, eq } from 'drizzle-orm';
import { ACTIONS, rolesAllow, type Action } from '../../../shared/permissions';
import type { Role } from '../../../shared/roles';
import type { Actor, Auth } from '../../context';
import type { Db } from '../../db/client';
import { workspaceMembers } from '../../db/schema';
import { AppError, forbidden, notFound } from '../../errors';

/**
 * The gate of every workspace route: membership, the role matrix and, for API tokens, the token's
 * workspace and scopes. A non-member learns nothing: the workspace is "not found".
 */
export async function authorize(db: Db, auth: Auth, workspaceId: string, action: Action, ip: string | null): Promise<Actor> {
  if (auth.token && auth.token.workspaceId !== workspaceId) throw notFound('That workspace');
  const [m] = await db.select().from(workspaceMembers).where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, auth.userId)));
  if (!m) throw notFound('That workspace');
  const roles = m.roles as Role[];
  if (!rolesAllow(roles, action)) throw forbidden();
  if (auth.token && !auth.token.scopes.includes(ACTIONS[action].scope)) {
    throw new AppError('FORBIDDEN', `This API token lacks the scope "${ACTIONS[action].scope}".`, { scope: ACTIONS[action].scope });
  }
  return { userId: auth.userId, userName: auth.userName, workspaceId, roles, hat: m.hat as Role, via: auth.via, ip };
}
