import { and, eq, notInArray, or, sql } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { mediaAssets, postVariants, posts } from '../../../db/schema';
import { AppError, notFound } from '../../../errors';
import { recordAudit } from '../../audit';

/**
 * Deletes an asset and its files, unless a post that may still go out uses it (in its base media
 * or in any part of any channel's variant): published and cancelled posts no longer need the file.
 */
export async function deleteMedia({ ctx, actor, assetId }: { ctx: AppContext; actor: Actor; assetId: string }): Promise<void> {
  const row = await ctx.db.transaction(async (tx) => {
    const [asset] = await tx
      .select()
      .from(mediaAssets)
      .where(and(eq(mediaAssets.workspaceId, actor.workspaceId), eq(mediaAssets.id, assetId)))
      .for('update');
    if (!asset) throw notFound('That media file');
    const needle = JSON.stringify([{ assetId }]);
    const users = await tx
      .select({ id: posts.id })
      .from(posts)
      .where(
        and(
          eq(posts.workspaceId, actor.workspaceId),
          notInArray(posts.status, ['published', 'cancelled']),
          or(
            sql`${posts.media} @> ${needle}::jsonb`,
            sql`exists (select 1 from ${postVariants} v cross join lateral jsonb_array_elements(v.parts) part where v.post_id = ${posts.id} and part -> 'media' @> ${needle}::jsonb)`,
          ),
        ),
      )
      .orderBy(posts.createdAt)
      .limit(20);
    const postIds = users.map((r) => r.id);
    if (postIds.length) {
      throw new AppError('CONFLICT', `This file is used by ${postIds.length === 1 ? 'a post' : `${postIds.length}${postIds.length === 20 ? '+' : ''} posts`} that ${postIds.length === 1 ? 'has' : 'have'} not been published yet. Remove it from ${postIds.length === 1 ? 'that post' : 'those posts'} (or cancel ${postIds.length === 1 ? 'it' : 'them'}) first.`, { reason: 'in_use', postIds });
    }
    await tx.delete(mediaAssets).where(and(eq(mediaAssets.workspaceId, actor.workspaceId), eq(mediaAssets.id, assetId)));
    await recordAudit({ db: tx, action: 'media.deleted', workspaceId: actor.workspaceId, actor, target: { type: 'media', id: assetId }, ip: actor.ip, data: { originalName: asset.originalName, byteSize: asset.byteSize } });
    return asset;
  });
  // After the commit: a file left behind by a failure here is only wasted space, never a broken post.
  for (const key of [row.storageKey, row.thumbnailKey]) {
    if (key) await ctx.storage.delete(key).catch((err: unknown) => ctx.log.warn({ err, key }, 'could not delete a media file from storage'));
  }
}

