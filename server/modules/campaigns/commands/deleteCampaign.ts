import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { campaigns, posts } from '../../../db/schema';
import { notFound } from '../../../errors';
import { recordAudit } from '../../audit';

/** The campaign goes; its posts stay, without a campaign. Returns how many posts were detached. */
export async function deleteCampaign({ ctx, actor, campaignId }: { ctx: AppContext; actor: Actor; campaignId: string }) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(campaigns).where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, actor.workspaceId))).for('update');
    if (!row) throw notFound('That campaign');
    // explicit rather than left to ON DELETE SET NULL: the post's updated time and the audit count say what happened
    const detached = await tx
      .update(posts)
      .set({ campaignId: null, updatedAt: new Date() })
      .where(and(eq(posts.campaignId, row.id), eq(posts.workspaceId, actor.workspaceId)))
      .returning({ id: posts.id });
    await tx.delete(campaigns).where(eq(campaigns.id, row.id));
    await recordAudit({ db: tx, action: 'campaign.deleted', workspaceId: actor.workspaceId, actor, target: { type: 'campaign', id: row.id }, ip: actor.ip, data: { name: row.name, postsDetached: detached.length } });
    return { postsDetached: detached.length };
  });
}
