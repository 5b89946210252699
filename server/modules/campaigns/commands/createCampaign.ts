import type { Actor, AppContext } from '../../../context';
import { campaigns } from '../../../db/schema';
import { recordAudit } from '../../audit';
import { presentCampaign } from '../presenters';
import { assertNameFree, nameTaken } from './nameTaken';

export interface CreateCampaignOptions {
  ctx: AppContext;
  actor: Actor;
  name: string;
  color?: string;
}

export async function createCampaign({ ctx, actor, name, color }: CreateCampaignOptions) {
  return ctx.db.transaction(async (tx) => {
    await assertNameFree(tx, actor.workspaceId, name);
    const [row] = await tx.insert(campaigns).values({ workspaceId: actor.workspaceId, name, ...(color && { color }) }).onConflictDoNothing().returning();
    if (!row) throw nameTaken(name);
    await recordAudit({ db: tx, action: 'campaign.created', workspaceId: actor.workspaceId, actor, target: { type: 'campaign', id: row.id }, ip: actor.ip, data: { name, color: row.color } });
    return presentCampaign(row);
  });
}
