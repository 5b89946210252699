import { and, eq, sql } from 'drizzle-orm';
import type { UpdateRitualBody } from '../../../../shared/contracts/communityRituals';
import type { Actor, AppContext } from '../../../context';
import { communityRituals } from '../../../db/schema';
import { recordAudit } from '../../audit';
import { presentRitual } from '../presenters';
import { findRitual } from '../queries/findRitual';
import { findSpaceById } from '../queries/findSpace';
import { checkRitual } from '../ritualInput';

const SCHEDULE_FIELDS = ['rrule', 'timeZone', 'startTime', 'startsOn', 'active'] as const;

/**
 * Changes a ritual; `active: false` pauses it, `active: true` resumes it. A changed schedule (or a
 * resume) starts again from the next occurrence ahead: what was missed meanwhile is not posted.
 */
export async function updateRitual({ ctx, actor, ritualId, input }: { ctx: Pick<AppContext, 'db'>; actor: Actor; ritualId: string; input: UpdateRitualBody }) {
  const { workspaceId } = actor;
  return ctx.db.transaction(async (tx) => {
    const current = await findRitual(tx, workspaceId, ritualId, { lock: true });
    if (input.spaceId !== undefined) await findSpaceById(tx, workspaceId, input.spaceId);
    const merged = { ...current, ...input };
    const now = new Date();
    const { next } = checkRitual(merged, now);
    const rescheduled = SCHEDULE_FIELDS.some((f) => input[f] !== undefined && input[f] !== current[f]);
    const [row] = await tx
      .update(communityRituals)
      .set({ ...input, ...(rescheduled && { nextOccurrenceAt: merged.active ? next : null }), updatedAt: sql`now()` })
      .where(and(eq(communityRituals.workspaceId, workspaceId), eq(communityRituals.id, current.id)))
      .returning();
    const action = input.active === false && current.active ? 'community.ritualPaused' : input.active === true && !current.active ? 'community.ritualResumed' : 'community.ritualUpdated';
    await recordAudit({ db: tx, action, workspaceId, actor, target: { type: 'community_ritual', id: current.id }, ip: actor.ip, data: { fields: Object.keys(input) } });
    return presentRitual(row!);
  });
}
