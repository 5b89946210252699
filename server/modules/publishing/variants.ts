import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { campaigns, channels, postVariants, type PostPart } from '../../db/schema';
import { AppError } from '../../errors';
import { connectorFor } from '../channels';
import { loadMediaForChecks } from '../media';

export interface VariantWrite {
  /** Absent: the channel uses the base text and media (it may still set a first comment or options). */
  parts?: PostPart[];
  firstComment?: string | null;
  options?: Record<string, string | boolean>;
}

/**
 * Replaces a post's variants: one per channel, inheriting the base unless parts are given.
 * Channels must belong to the post's workspace; options must be ones the channel's network declares.
 */
export async function writeVariants(tx: Db, opts: { workspaceId: string; postId: string; channelIds: string[]; variants?: Record<string, VariantWrite | null> }) {
  const ids = [...new Set(opts.channelIds)];
  const found = await tx.select({ id: channels.id, network: channels.network, name: channels.name }).from(channels).where(and(eq(channels.workspaceId, opts.workspaceId), inArray(channels.id, ids), ne(channels.status, 'disconnected')));
  if (found.length !== ids.length) throw new AppError('VALIDATION_FAILED', 'One of the channels does not exist in this workspace.', { channelIds: ids.filter((id) => !found.some((f) => f.id === id)) });
  const stray = Object.keys(opts.variants ?? {}).filter((id) => !ids.includes(id));
  if (stray.length) throw new AppError('VALIDATION_FAILED', 'A variant names a channel the post is not going to; add the channel or drop the variant.', { channelIds: stray });
  for (const c of found) assertOptions(c, opts.variants?.[c.id]?.options ?? {});
  await tx.delete(postVariants).where(eq(postVariants.postId, opts.postId));
  await tx.insert(postVariants).values(
    ids.map((channelId) => {
      const v = opts.variants?.[channelId];
      return { postId: opts.postId, channelId, inherit: !v?.parts, parts: v?.parts ?? [], firstComment: v?.firstComment ?? null, options: v?.options ?? {} };
    }),
  );
}

function assertOptions(channel: { network: string; name: string }, options: Record<string, string | boolean>) {
  const declared = connectorFor(channel.network).capabilities.options ?? [];
  for (const [key, value] of Object.entries(options)) {
    const opt = declared.find((o) => o.key === key);
    if (!opt) throw new AppError('VALIDATION_FAILED', `${channel.name} has no option "${key}". Options for this network: ${declared.map((o) => o.key).join(', ') || 'none'}.`, { option: key });
    const ok = opt.kind === 'boolean' ? typeof value === 'boolean' : typeof value === 'string' && opt.choices.includes(value);
    if (!ok) throw new AppError('VALIDATION_FAILED', `"${String(value)}" is not a valid value of the option "${key}" on ${channel.name}${opt.kind === 'select' ? `; pick one of ${opt.choices.join(', ')}` : '; use true or false'}.`, { option: key });
  }
}

/** A campaign id from a request must be one of the workspace's campaigns. */
export async function assertCampaign(tx: Db, workspaceId: string, campaignId: string | null | undefined) {
  if (!campaignId) return;
  const [c] = await tx.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId)));
  if (!c) throw new AppError('VALIDATION_FAILED', 'That campaign does not exist in this workspace; pick another or create it first.', { campaignId });
}

/** Every asset a post names must be in the workspace's library (refused with the missing ids otherwise). */
export async function assertMedia(tx: Db, workspaceId: string, media: PostPart['media'] | undefined, variants: Record<string, VariantWrite | null> | undefined) {
  const ids = [...(media ?? []), ...Object.values(variants ?? {}).flatMap((v) => v?.parts?.flatMap((p) => p.media) ?? [])].map((m) => m.assetId);
  if (ids.length) await loadMediaForChecks(tx, workspaceId, [...new Set(ids)]);
}
