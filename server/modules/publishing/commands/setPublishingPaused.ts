import { and, eq, inArray, lte } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { postTargets, publishingSettings } from '../../../db/schema';
import { recordAudit } from '../../audit';
import { publishTarget } from '../jobs/publishTarget';
import { presentSettings } from '../presenters';

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
      const due = await tx
        .select({ id: postTargets.id })
        .from(postTargets)
        .where(and(eq(postTargets.workspaceId, actor.workspaceId), inArray(postTargets.state, ['pending', 'unknown']), lte(postTargets.dueAt, new Date())));
      for (const t of due) await ctx.jobs.enqueue(tx, publishTarget, { targetId: t.id }, { singletonKey: t.id });
      released = due.length;
    }
    await recordAudit({ db: tx, action: paused ? 'publishing.paused' : 'publishing.resumed', workspaceId: actor.workspaceId, actor, target: { type: 'workspace', id: actor.workspaceId }, ip: actor.ip, data: { released } });
    return presentSettings(row!);
  });
}
