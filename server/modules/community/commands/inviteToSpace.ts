import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { communityMembers, communitySpaceInvites } from '../../../db/schema';
import { notFound } from '../../../errors';
import { recordAudit } from '../../audit';
import { findSpaceById } from '../queries/findSpace';

/** Lets a member of this community see a private space (idempotent). */
export async function inviteToSpace({ ctx, actor, spaceId, memberId }: { ctx: AppContext; actor: Actor; spaceId: string; memberId: string }) {
  const { workspaceId } = actor;
  return ctx.db.transaction(async (tx) => {
    const space = await findSpaceById(tx, workspaceId, spaceId);
    const [member] = await tx.select({ id: communityMembers.id }).from(communityMembers).where(and(eq(communityMembers.workspaceId, workspaceId), eq(communityMembers.id, memberId)));
    if (!member) throw notFound('That community member');
    const inserted = await tx.insert(communitySpaceInvites).values({ workspaceId, spaceId: space.id, memberId: member.id, invitedBy: actor.userId }).onConflictDoNothing().returning();
    if (inserted.length) await recordAudit({ db: tx, action: 'community.memberInvited', workspaceId, actor, target: { type: 'community_space', id: space.id }, ip: actor.ip, data: { memberId: member.id } });
    return { ok: true as const };
  });
}
