import type { Actor, AppContext } from '../../../context';
import { publishingSettings } from '../../../db/schema';
import { recordAudit } from '../../audit';
import { presentSettings } from '../presenters';
import { getPublishingSettings } from '../queries/getPublishingSettings';

export async function updatePublishingSettings({ ctx, actor, approvalRequired, approverRoles }: { ctx: AppContext; actor: Actor; approvalRequired?: boolean; approverRoles?: string[] }) {
  return ctx.db.transaction(async (tx) => {
    const current = await getPublishingSettings(tx, actor.workspaceId, { forUpdate: true });
    const next = { approvalRequired: approvalRequired ?? current.approvalRequired, approverRoles: approverRoles ?? current.approverRoles };
    const [row] = await tx
      .insert(publishingSettings)
      .values({ workspaceId: actor.workspaceId, ...next })
      .onConflictDoUpdate({ target: publishingSettings.workspaceId, set: next })
      .returning();
    await recordAudit({ db: tx, action: 'publishing.settingsUpdated', workspaceId: actor.workspaceId, actor, target: { type: 'workspace', id: actor.workspaceId }, ip: actor.ip, data: next });
    return presentSettings(row!);
  });
}
