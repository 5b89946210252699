import type { Actor, AppContext } from '../../../context';
import { publishingSettings } from '../../../db/schema';
import { recordAudit } from '../../audit';
import { publishTarget } from '../jobs/publishTarget';
import { presentSettings } from '../presenters';
import { findStrandedTargets } from '../queries/findStrandedTargets';

/**
 * The crisis switch. While paused, workers leave due targets pending; resuming re-enqueues every
 * target that fell due meanwhile (later ones still have their own delayed job).
 */
export async function setPublishingPaused({ ctx, actor, paused }: { ctx: AppContext; actor: Actor; paused: boolean }) {
  return ctx.db.transaction(async (tx) => {
    const values = { paused, pausedAt: paused ? new Date() : null, pausedBy: paused ? actor.userId : null };
    const [row] = await tx
      .insert(publishingSettings)
      .values({ workspaceId: actor.workspaceId, ...values })
      .onConflictDoUpdate({ target: publishingSettings.workspaceId, set: values })
      .returning();
    let released = 0;
    if (!paused) {
      const due = await findStrandedTargets(tx, { workspaceId: actor.workspaceId, graceMs: 0, limit: 100_000 });
      for (const targetId of due) await ctx.jobs.enqueue(tx, publishTarget, { targetId }, { singletonKey: targetId });
      released = due.length;
    }
    await recordAudit({ db: tx, action: paused ? 'publishing.paused' : 'publishing.resumed', workspaceId: actor.workspaceId, actor, target: { type: 'workspace', id: actor.workspaceId }, ip: actor.ip, data: { released } });
    return presentSettings(row!);
  });
}
