import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { channels, postTargets } from '../../../db/schema';
import { AppError, notFound } from '../../../errors';
import { recordAudit } from '../../audit';

/** Refuses while posts still wait to go out on the channel: nothing is dropped silently. */
export async function deleteChannel({ ctx, actor, channelId }: { ctx: AppContext; actor: Actor; channelId: string }) {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(channels).where(and(eq(channels.id, channelId), eq(channels.workspaceId, actor.workspaceId))).for('update');
    if (!row) throw notFound('That channel');
    const [waiting] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(postTargets)
      .where(and(eq(postTargets.channelId, row.id), eq(postTargets.workspaceId, actor.workspaceId), inArray(postTargets.state, ['pending', 'publishing', 'unknown'])));
    const n = Number(waiting?.n ?? 0);
    if (n > 0) {
      throw new AppError('CONFLICT', `${row.name} has ${n} scheduled ${n === 1 ? 'post' : 'posts'} still to publish. Cancel ${n === 1 ? 'it' : 'them'} first, then disconnect the channel.`, { scheduledPosts: n });
    }
    await tx.delete(channels).where(eq(channels.id, row.id));
    await recordAudit({ db: tx, action: 'channel.deleted', workspaceId: actor.workspaceId, actor, target: { type: 'channel', id: row.id }, ip: actor.ip, data: { network: row.network, handle: row.accountHandle } });
  });
}
