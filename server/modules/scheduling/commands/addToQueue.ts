import { and, asc, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Actor, AppContext } from '../../../context';
import type { Db } from '../../../db/client';
import { channels, channelSlots, postTargets, posts, postVariants } from '../../../db/schema';
import { AppError, notFound } from '../../../errors';
import { schedulePost } from '../../publishing';
import { nextFreeSlot, type QueueChannel } from '../slots';

const HORIZON_DAYS = 56;

/**
 * "Add to queue": the earliest free recurring slot after now across the post's channels, each read in
 * its own time zone, then scheduled through the publishing module so approval rules, limits and
 * validation apply exactly as for a time picked by hand.
 */
export async function addToQueue({ ctx, actor, postId }: { ctx: AppContext; actor: Actor; postId: string }) {
  // One pick at a time per workspace: two posts queued at once must not both take the same free slot.
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`queue:${actor.workspaceId}`}))`);
    const pick = await pickSlot(tx, actor.workspaceId, postId);
    // Nested: schedulePost's transaction becomes a savepoint of this one, so the lock holds until it is written.
    const scheduled = await schedulePost({ ctx: { ...ctx, db: tx }, actor, postId: pick.postId, scheduledAt: pick.at.toISOString() });
    return { post: scheduled, slot: { channelId: pick.channelId, at: pick.at.toISOString(), timeZone: pick.timeZone, local: DateTime.fromJSDate(pick.at, { zone: pick.timeZone }).toFormat("yyyy-MM-dd'T'HH:mm") } };
  });
}

async function pickSlot(db: Db, workspaceId: string, postId: string) {
  const [post] = await db.select({ id: posts.id }).from(posts).where(and(eq(posts.id, postId), eq(posts.workspaceId, workspaceId)));
  if (!post) throw notFound('That post');
  const chans = await db
    .select({ id: channels.id, name: channels.name, timeZone: channels.timeZone })
    .from(postVariants)
    .innerJoin(channels, eq(channels.id, postVariants.channelId))
    .where(and(eq(postVariants.postId, post.id), eq(channels.workspaceId, workspaceId)))
    .orderBy(asc(channels.name));
  if (chans.length === 0) throw new AppError('VALIDATION_FAILED', 'This post has no channel; pick at least one channel before adding it to the queue.');
  const ids = chans.map((c) => c.id);
  const slots = await db.select().from(channelSlots).where(and(inArray(channelSlots.channelId, ids), eq(channelSlots.workspaceId, workspaceId)));
  if (slots.length === 0) {
    const names = chans.map((c) => c.name).join(', ');
    throw new AppError('CONFLICT', `${chans.length === 1 ? `The channel ${names} has` : `None of this post's channels (${names}) has`} no queue slots yet. Add weekly time slots in Settings → Channels, or pick a time yourself.`, { channelIds: ids });
  }
  const now = new Date();
  const taken = await db
    .select({ channelId: postTargets.channelId, dueAt: postTargets.dueAt })
    .from(postTargets)
    .where(and(inArray(postTargets.channelId, ids), eq(postTargets.workspaceId, workspaceId), ne(postTargets.postId, post.id), inArray(postTargets.state, ['pending', 'publishing', 'handed_over', 'unknown', 'published']), gt(postTargets.dueAt, new Date(now.getTime() - 60_000))));
  const queue: QueueChannel[] = chans.map((c) => ({
    channelId: c.id,
    timeZone: c.timeZone,
    slots: slots.filter((s) => s.channelId === c.id),
    taken: taken.filter((t) => t.channelId === c.id).map((t) => t.dueAt),
  }));
  const pick = nextFreeSlot(queue, now, HORIZON_DAYS);
  if (!pick) throw new AppError('CONFLICT', `Every queue slot of this post's channels is taken for the next ${HORIZON_DAYS / 7} weeks. Add more slots in Settings → Channels, or pick a time yourself.`);
  return { ...pick, postId: post.id, timeZone: chans.find((c) => c.id === pick.channelId)!.timeZone };
}
