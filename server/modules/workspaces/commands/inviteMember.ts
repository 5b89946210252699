import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Role } from '../../../../shared/roles';
import type { Locale } from '../../../../shared/contracts/common';
import type { Actor, AppContext } from '../../../context';
import { invitations, users, workspaceMembers, workspaces } from '../../../db/schema';
import { randomToken, sha256 } from '../../../crypto';
import { conflict, forbidden } from '../../../errors';
import { invitationEmail } from '../../../mail/templates';
import { recordAudit } from '../../audit';
import { sendEmail } from '../../system';
import { presentInvitation } from '../presenters';

const INVITATION_DAYS = 7;

export async function inviteMember({ ctx, actor, email, roles }: { ctx: AppContext; actor: Actor; email: string; roles: Role[] }) {
  // Only an owner can hand out ownership.
  if (roles.includes('owner') && !actor.roles.includes('owner')) throw forbidden('Only an owner can invite another owner.');
  const token = randomToken();
  return ctx.db.transaction(async (tx) => {
    const [member] = await tx
      .select({ id: users.id })
      .from(workspaceMembers)
      .innerJoin(users, eq(users.id, workspaceMembers.userId))
      .where(and(eq(workspaceMembers.workspaceId, actor.workspaceId), eq(users.email, email)));
    if (member) throw conflict(`${email} is already a member of this workspace; change their roles instead.`);
    // A new invitation to the same address replaces the open one.
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.workspaceId, actor.workspaceId), eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())));
    const [inv] = await tx
      .insert(invitations)
      .values({ workspaceId: actor.workspaceId, email, roles, tokenHash: sha256(token), invitedBy: actor.userId, expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000) })
      .returning();
    const [w] = await tx.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, actor.workspaceId));
    const [inviter] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, actor.userId));
    const link = `${ctx.publicUrl}/invite?token=${token}`;
    await ctx.jobs.enqueue(tx, sendEmail, invitationEmail((inviter?.locale ?? 'en') as Locale, email, actor.userName, w!.name, roles, link));
    await recordAudit({ db: tx, action: 'member.invited', workspaceId: actor.workspaceId, actor, target: { type: 'invitation', id: inv!.id }, ip: actor.ip, data: { email, roles } });
    return presentInvitation(inv!);
  });
}
