import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { communityRituals } from '../../../db/schema';
import { recordAudit } from '../../audit';
import { findRitual } from '../queries/findRitual';

/** Deletes a ritual; the threads it already posted stay. */
export async function deleteRitual({ ctx, actor, ritualId }: { ctx: Pick<AppContext, 'db'>; actor: Actor; ritualId: string }) {
  const { workspaceId } = actor;
  return ctx.db.transaction(async (tx) => {
    const ritual = await findRitual(tx, workspaceId, ritualId, { lock: true });
    await tx.delete(communityRituals).where(and(eq(communityRituals.workspaceId, workspaceId), eq(communityRituals.id, ritual.id)));
    await recordAudit({ db: tx, action: 'community.ritualDeleted', workspaceId, actor, target: { type: 'community_ritual', id: ritual.id }, ip: actor.ip, data: { titleTemplate: ritual.titleTemplate } });
    return { ok: true as const };
  });
}
