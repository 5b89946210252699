import { and, eq, isNull } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { invitations } from '../../../db/schema';
import { notFound } from '../../../errors';
import { recordAudit } from '../../audit';

export async function revokeInvitation({ ctx, actor, invitationId }: { ctx: AppContext; actor: Actor; invitationId: string }) {
  await ctx.db.transaction(async (tx) => {
    const [inv] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, invitationId), eq(invitations.workspaceId, actor.workspaceId), isNull(invitations.revokedAt), isNull(invitations.acceptedAt)))
      .returning();
    if (!inv) throw notFound('That open invitation');
    await recordAudit({ db: tx, action: 'member.invitationRevoked', workspaceId: actor.workspaceId, actor, target: { type: 'invitation', id: inv.id }, ip: actor.ip, data: { email: inv.email } });
  });
}
