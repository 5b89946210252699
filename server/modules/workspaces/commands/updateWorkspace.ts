import { eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { workspaces } from '../../../db/schema';
import { recordAudit } from '../../audit';
import { presentWorkspace } from '../presenters';
import { assertTimeZone } from './assertTimeZone';

export async function updateWorkspace({ ctx, actor, name, timeZone }: { ctx: AppContext; actor: Actor; name?: string; timeZone?: string }) {
  if (timeZone) assertTimeZone(timeZone);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(workspaces).where(eq(workspaces.id, actor.workspaceId));
    const [w] = await tx
      .update(workspaces)
      .set({ ...(name !== undefined && { name }), ...(timeZone !== undefined && { timeZone }) })
      .where(eq(workspaces.id, actor.workspaceId))
      .returning();
    await recordAudit({ db: tx, action: 'workspace.updated', workspaceId: actor.workspaceId, actor, target: { type: 'workspace', id: actor.workspaceId }, ip: actor.ip, data: { from: { name: before?.name, timeZone: before?.timeZone }, to: { name, timeZone } } });
    return presentWorkspace(w!, actor.roles, actor.hat);
  });
}
