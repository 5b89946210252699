import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { channelSlots, channels, postTargets, postVariants, posts } from '../../../db/schema';
import { AppError, notFound } from '../../../errors';
import { recordAudit } from '../../audit';

/** What to do with the posts still planned on a channel being disconnected. */
export type PlannedPostsChoice = { scheduledPosts?: 'cancel' } | { scheduledPosts: 'move'; moveTo: string };

const UNFINISHED = ['draft', 'in_review', 'approved', 'scheduled'] as const;

/**
 * Disconnects a channel (its row stays, without credentials, for the published history). Posts still planned on it are never dropped silently: without a choice the
 * request is refused with their count; `cancel` takes the channel off them (a post left with no
 * channel is cancelled), `move` sends them to another channel of the workspace instead.
 */
export async function deleteChannel({ ctx, actor, channelId, choice = {} }: { ctx: AppContext; actor: Actor; channelId: string; choice?: PlannedPostsChoice }) {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(channels).where(and(eq(channels.id, channelId), eq(channels.workspaceId, actor.workspaceId))).for('update');
    if (!row || row.status === 'disconnected') throw notFound('That channel');
    // A post handed over to the network's own scheduler would still go out: it must be taken back first.
    const held = await tx.select({ id: postTargets.id }).from(postTargets).where(and(eq(postTargets.channelId, row.id), eq(postTargets.state, 'handed_over')));
    if (held.length) throw new AppError('CONFLICT', `${held.length === 1 ? 'A post is' : `${held.length} posts are`} already with the network's own scheduler on ${row.name}; unschedule or cancel ${held.length === 1 ? 'it' : 'them'} first (that withdraws them there), then disconnect.`, { handedOver: held.length });
    const busy = await tx.select({ id: postTargets.id }).from(postTargets).where(and(eq(postTargets.channelId, row.id), inArray(postTargets.state, ['publishing', 'unknown'])));
    if (busy.length) throw new AppError('CONFLICT', `${row.name} is publishing ${busy.length === 1 ? 'a post' : `${busy.length} posts`} right now (or waiting to confirm one). Try again when publishing has settled.`, { publishing: busy.length });
    const planned = await tx
      .select({ postId: posts.id, status: posts.status })
      .from(postVariants)
      .innerJoin(posts, eq(posts.id, postVariants.postId))
      .where(and(eq(postVariants.channelId, row.id), eq(posts.workspaceId, actor.workspaceId), inArray(posts.status, [...UNFINISHED])))
      .for('update', { of: posts });
    if (planned.length && !choice.scheduledPosts) {
      const scheduled = planned.filter((p) => p.status === 'scheduled').length;
      throw new AppError('CONFLICT', `${row.name} still has ${planned.length} planned ${planned.length === 1 ? 'post' : 'posts'} (${scheduled} scheduled). Choose whether to cancel them on this channel or move them to another channel, then disconnect it.`, { plannedPosts: planned.length, scheduledPosts: scheduled });
    }
    const ids = planned.map((p) => p.postId);
    if (ids.length && choice.scheduledPosts === 'move') await movePlanned(tx, actor.workspaceId, row, choice.moveTo, ids);
    if (ids.length && choice.scheduledPosts === 'cancel') await cancelOnChannel(tx, row.id, ids);
    // Kept without credentials or queue, so posts already published there keep their record.
    await tx.update(channels).set({ status: 'disconnected', authSealed: '' }).where(eq(channels.id, row.id));
    await tx.delete(channelSlots).where(eq(channelSlots.channelId, row.id));
    await recordAudit({ db: tx, action: 'channel.deleted', workspaceId: actor.workspaceId, actor, target: { type: 'channel', id: row.id }, ip: actor.ip, data: { network: row.network, handle: row.accountHandle, plannedPosts: ids.length, ...(choice.scheduledPosts && { plannedPostsChoice: choice.scheduledPosts }) } });
  });
}

type Tx = Parameters<Parameters<AppContext['db']['transaction']>[0]>[0];

/**
 * Takes the channel off each post. A post that still goes elsewhere simply loses it; a post left with
 * no channel is cancelled and keeps the channel, so it still shows where it was meant to go.
 */
async function cancelOnChannel(tx: Tx, channelId: string, postIds: string[]) {
  const others = await tx.select({ postId: postVariants.postId }).from(postVariants).where(and(inArray(postVariants.postId, postIds), ne(postVariants.channelId, channelId)));
  const orphaned = postIds.filter((id) => !others.some((o) => o.postId === id));
  const still = postIds.filter((id) => !orphaned.includes(id));
  if (still.length) {
    await tx.delete(postTargets).where(and(eq(postTargets.channelId, channelId), inArray(postTargets.postId, still), eq(postTargets.state, 'pending')));
    await tx.delete(postVariants).where(and(eq(postVariants.channelId, channelId), inArray(postVariants.postId, still)));
  }
  if (orphaned.length) {
    await tx.update(postTargets).set({ state: 'cancelled', updatedAt: new Date() }).where(and(eq(postTargets.channelId, channelId), inArray(postTargets.postId, orphaned), eq(postTargets.state, 'pending')));
    await tx.update(posts).set({ status: 'cancelled', updatedAt: new Date() }).where(inArray(posts.id, orphaned));
  }
}

/** Re-points variant and pending target at the other channel; a post already going there just loses this one. */
async function movePlanned(tx: Tx, workspaceId: string, from: typeof channels.$inferSelect, moveTo: string, postIds: string[]) {
  const [to] = await tx.select().from(channels).where(and(eq(channels.id, moveTo), eq(channels.workspaceId, workspaceId)));
  if (!to || to.id === from.id) throw new AppError('VALIDATION_FAILED', 'Pick another connected channel of this workspace to move the posts to.', { moveTo });
  if (to.status !== 'connected') throw new AppError('CONFLICT', `${to.name} needs to be reconnected before posts can move to it.`, { moveTo });
  const already = (await tx.select({ postId: postVariants.postId }).from(postVariants).where(and(eq(postVariants.channelId, to.id), inArray(postVariants.postId, postIds)))).map((r) => r.postId);
  const movable = postIds.filter((id) => !already.includes(id));
  if (already.length) await cancelOnChannel(tx, from.id, already);
  if (!movable.length) return;
  await tx.update(postVariants).set({ channelId: to.id }).where(and(eq(postVariants.channelId, from.id), inArray(postVariants.postId, movable)));
  await tx.update(postTargets).set({ channelId: to.id, updatedAt: new Date() }).where(and(eq(postTargets.channelId, from.id), inArray(postTargets.postId, movable)));
}
