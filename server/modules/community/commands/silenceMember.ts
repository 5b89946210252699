import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../../context';
import { communityMembers, communitySilences } from '../../../db/schema';
import { AppError } from '../../../errors';
import { recordAudit } from '../../audit';
import type { StaffViewer } from '../policies';
import { findMember, getMemberStanding } from '../queries/getMemberStanding';

export interface SilenceMemberOptions {
  ctx: AppContext;
  staff: StaffViewer;
  memberId: string;
  /** ISO instant; null or absent: until a moderator lifts it. */
  until?: string | null;
  reason?: string;
}

/**
 * Silences a member: they keep reading but cannot post, edit, react, vote or flag. A new silence
 * replaces the one in force (that row is marked lifted, so the history keeps both).
 */
export async function silenceMember({ ctx, staff, memberId, until, reason }: SilenceMemberOptions) {
  const endsAt = until ? new Date(until) : null;
  if (endsAt && endsAt.getTime() <= Date.now()) {
    throw new AppError('VALIDATION_FAILED', 'The end of the silence is in the past: pick a moment ahead, or leave it out to silence until you lift it.', { fields: { until: 'in the past' } });
  }
  await ctx.db.transaction(async (tx) => {
    const member = await findMember(tx, staff.workspaceId, memberId);
    await tx.execute(sql`select 1 from ${communityMembers} where ${communityMembers.id} = ${member.id} for update`);
    const replaced = await tx
      .update(communitySilences)
      .set({ liftedAt: sql`now()`, liftedByUserId: staff.userId })
      .where(and(eq(communitySilences.workspaceId, staff.workspaceId), eq(communitySilences.memberId, member.id), isNull(communitySilences.liftedAt)))
      .returning({ id: communitySilences.id });
    await tx.insert(communitySilences).values({ workspaceId: staff.workspaceId, memberId: member.id, reason: reason ?? '', endsAt, silencedByUserId: staff.userId });
    await recordAudit({
      db: tx,
      action: 'community.memberSilenced',
      workspaceId: staff.workspaceId,
      actor: staff,
      target: { type: 'community_member', id: member.id },
      ip: staff.ip,
      data: { until: endsAt?.toISOString() ?? null, reason: reason ?? null, replaced: replaced.length > 0 },
    });
  });
  return getMemberStanding(ctx.db, staff.workspaceId, memberId);
}
