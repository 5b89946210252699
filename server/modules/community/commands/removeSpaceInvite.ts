import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { communitySpaceInvites } from '../../../db/schema';
import { recordAudit } from '../../audit';
import { findSpaceById } from '../queries/findSpace';

/** Takes a private space away from a member (idempotent). */
export async function removeSpaceInvite({ ctx, actor, spaceId, memberId }: { ctx: AppContext; actor: Actor; spaceId: string; memberId: string }) {
  const { workspaceId } = actor;
  return ctx.db.transaction(async (tx) => {
    const space = await findSpaceById(tx, workspaceId, spaceId);
    const removed = await tx
      .delete(communitySpaceInvites)
      .where(and(eq(communitySpaceInvites.workspaceId, workspaceId), eq(communitySpaceInvites.spaceId, space.id), eq(communitySpaceInvites.memberId, memberId)))
      .returning();
    if (removed.length) await recordAudit({ db: tx, action: 'community.inviteRemoved', workspaceId, actor, target: { type: 'community_space', id: space.id }, ip: actor.ip, data: { memberId } });
    return { ok: true as const };
  });
}
