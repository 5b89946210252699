import { and, eq, sql } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { campaigns, posts } from '../../../db/schema';
import { notFound } from '../../../errors';
import { recordAudit } from '../../audit';
import { presentCampaign } from '../presenters';
import { assertNameFree, isUniqueViolation, nameTaken } from './nameTaken';

export interface UpdateCampaignOptions {
  ctx: AppContext;
  actor: Actor;
  campaignId: string;
  name?: string;
  color?: string;
}

/** Rename and/or recolour. */
export async function updateCampaign({ ctx, actor, campaignId, name, color }: UpdateCampaignOptions) {
  try {
    return await ctx.db.transaction(async (tx) => {
      const [before] = await tx.select().from(campaigns).where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, actor.workspaceId))).for('update');
      if (!before) throw notFound('That campaign');
      if (name !== undefined && name !== before.name) await assertNameFree(tx, actor.workspaceId, name, before.id);
      const [row] = await tx
        .update(campaigns)
        .set({ ...(name !== undefined && { name }), ...(color !== undefined && { color }) })
        .where(eq(campaigns.id, before.id))
        .returning();
      const changes: Record<string, unknown> = {};
      if (name !== undefined && name !== before.name) changes.name = { from: before.name, to: name };
      if (color !== undefined && color !== before.color) changes.color = { from: before.color, to: color };
      if (Object.keys(changes).length) {
        await recordAudit({ db: tx, action: 'campaign.updated', workspaceId: actor.workspaceId, actor, target: { type: 'campaign', id: before.id }, ip: actor.ip, data: changes });
      }
      const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(posts).where(and(eq(posts.campaignId, before.id), eq(posts.workspaceId, actor.workspaceId)));
      return presentCampaign(row!, Number(count?.n ?? 0));
    });
  } catch (e) {
    if (name !== undefined && isUniqueViolation(e)) throw nameTaken(name);
    throw e;
  }
}
