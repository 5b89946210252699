import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../../context';
import { communitySilences } from '../../../db/schema';
import { conflict } from '../../../errors';
import { recordAudit } from '../../audit';
import type { StaffViewer } from '../policies';
import { findMember, getMemberStanding } from '../queries/getMemberStanding';

/** Lifts the silence in force; a member who is not silenced is a clear 409. */
export async function liftSilence({ ctx, staff, memberId }: { ctx: AppContext; staff: StaffViewer; memberId: string }) {
  await ctx.db.transaction(async (tx) => {
    const member = await findMember(tx, staff.workspaceId, memberId);
    const lifted = await tx
      .update(communitySilences)
      .set({ liftedAt: sql`now()`, liftedByUserId: staff.userId })
      .where(
        and(
          eq(communitySilences.workspaceId, staff.workspaceId),
          eq(communitySilences.memberId, member.id),
          isNull(communitySilences.liftedAt),
          or(isNull(communitySilences.endsAt), gt(communitySilences.endsAt, sql`now()`)),
        ),
      )
      .returning({ id: communitySilences.id });
    if (!lifted.length) throw conflict('This member is not silenced.');
    await recordAudit({ db: tx, action: 'community.memberUnsilenced', workspaceId: staff.workspaceId, actor: staff, target: { type: 'community_member', id: member.id }, ip: staff.ip });
  });
  return getMemberStanding(ctx.db, staff.workspaceId, memberId);
}
