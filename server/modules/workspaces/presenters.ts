import type { invitations, workspaceMembers, workspaces } from '../../db/schema';
import type { Role } from '../../../shared/roles';

export function presentWorkspace(w: typeof workspaces.$inferSelect, roles: Role[], hat: Role) {
  return { id: w.id, name: w.name, timeZone: w.timeZone, createdAt: w.createdAt.toISOString(), roles, hat };
}

export function presentMember(m: typeof workspaceMembers.$inferSelect, user: { name: string; email: string }) {
  return { userId: m.userId, name: user.name, email: user.email, roles: m.roles as Role[], joinedAt: m.createdAt.toISOString() };
}

export function presentInvitation(i: typeof invitations.$inferSelect) {
  return {
    id: i.id,
    email: i.email,
    roles: i.roles as Role[],
    expiresAt: i.expiresAt.toISOString(),
    acceptedAt: i.acceptedAt?.toISOString() ?? null,
    createdAt: i.createdAt.toISOString(),
  };
}
