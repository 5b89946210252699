import { and, eq } from 'drizzle-orm';
import type { MediaAsset } from '../../../../shared/contracts/media';
import type { Actor, AppContext } from '../../../context';
import { mediaAssets } from '../../../db/schema';
import { notFound } from '../../../errors';
import { recordAudit } from '../../audit';
import { presentAsset } from '../presenters';
import { channelRules, checksFor } from '../queries/channelRules';

/** Sets the alt text stored with the asset (every post that uses the asset publishes it). */
export async function updateMedia({ ctx, actor, assetId, altText }: { ctx: AppContext; actor: Actor; assetId: string; altText: string }): Promise<MediaAsset> {
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(mediaAssets)
      .set({ altText })
      .where(and(eq(mediaAssets.workspaceId, actor.workspaceId), eq(mediaAssets.id, assetId)))
      .returning();
    if (!updated) throw notFound('That media file');
    await recordAudit({ db: tx, action: 'media.updated', workspaceId: actor.workspaceId, actor, target: { type: 'media', id: assetId }, ip: actor.ip, data: { altTextLength: altText.length } });
    return updated;
  });
  return presentAsset(row, checksFor(row, await channelRules(ctx.db, actor.workspaceId)));
}
