import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { channels, postVariants, type PostPart } from '../../db/schema';
import { AppError } from '../../errors';

/**
 * Replaces a post's variants: one per channel, inheriting the base text unless parts are given.
 * Channels must belong to the post's workspace.
 */
export async function writeVariants(tx: Db, opts: { workspaceId: string; postId: string; channelIds: string[]; variants?: Record<string, { parts: PostPart[] } | null> }) {
  const ids = [...new Set(opts.channelIds)];
  const found = await tx.select({ id: channels.id }).from(channels).where(and(eq(channels.workspaceId, opts.workspaceId), inArray(channels.id, ids)));
  if (found.length !== ids.length) throw new AppError('VALIDATION_FAILED', 'One of the channels does not exist in this workspace.', { channelIds: ids.filter((id) => !found.some((f) => f.id === id)) });
  const stray = Object.keys(opts.variants ?? {}).filter((id) => !ids.includes(id));
  if (stray.length) throw new AppError('VALIDATION_FAILED', 'A variant names a channel the post is not going to; add the channel or drop the variant.', { channelIds: stray });
  await tx.delete(postVariants).where(eq(postVariants.postId, opts.postId));
  await tx.insert(postVariants).values(
    ids.map((channelId) => {
      const v = opts.variants?.[channelId];
      return { postId: opts.postId, channelId, inherit: !v, parts: v?.parts ?? [] };
    }),
  );
}
