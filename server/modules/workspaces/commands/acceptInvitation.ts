import { and, eq } from 'drizzle-orm';
import type { Role } from '../../../../shared/roles';
import type { Auth, AppContext, RequestMeta } from '../../../context';
import { invitations, users, workspaceMembers, workspaces } from '../../../db/schema';
import { AppError } from '../../../errors';
import { recordAudit } from '../../audit';
import { findOpenInvitation } from '../queries/previewInvitation';
import { presentWorkspace } from '../presenters';

/** The invitation is for one address: the signed-in account must own it. Roles merge with any held. */
export async function acceptInvitation({ ctx, auth, token, meta }: { ctx: AppContext; auth: Auth; token: string; meta: RequestMeta }) {
  return ctx.db.transaction(async (tx) => {
    const { inv } = await findOpenInvitation(tx, token);
    const [user] = await tx.select().from(users).where(eq(users.id, auth.userId));
    if (user?.email !== inv.email) throw new AppError('FORBIDDEN', `This invitation is for ${inv.email}. Sign in with that address to accept it.`);
    const [existing] = await tx.select().from(workspaceMembers).where(and(eq(workspaceMembers.workspaceId, inv.workspaceId), eq(workspaceMembers.userId, auth.userId)));
    const roles = [...new Set([...(existing?.roles ?? []), ...inv.roles])] as Role[];
    const hat = (existing?.hat ?? roles[0]) as Role;
    if (existing) await tx.update(workspaceMembers).set({ roles }).where(and(eq(workspaceMembers.workspaceId, inv.workspaceId), eq(workspaceMembers.userId, auth.userId)));
    else await tx.insert(workspaceMembers).values({ workspaceId: inv.workspaceId, userId: auth.userId, roles, hat });
    await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, inv.id));
    await recordAudit({ db: tx, action: 'member.joined', workspaceId: inv.workspaceId, actor: auth, target: { type: 'user', id: auth.userId }, ip: meta.ip, data: { roles } });
    const [w] = await tx.select().from(workspaces).where(eq(workspaces.id, inv.workspaceId));
    return presentWorkspace(w!, roles, hat);
  });
}
