import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { channels, postTargets } from '../../../db/schema';
import { AppError } from '../../../errors';
import { connectorContext, maybeConnectorFor, networkFailure, recordChannelError, recordChannelOk } from '../../channels';
import { publishTarget } from '../jobs/publishTarget';
import { WITHDRAW_BEFORE_MS } from '../publisher/handover';

/**
 * Before a scheduled post is cancelled or taken back for editing: withdraws it from every network
 * that holds it for later (targets `handed_over`), each with the connector's `delete` on the
 * network's scheduled reference. A withdrawn target is pending again, with nothing on the network and
 * a job at its due time, so whatever the caller does next (cancel, unschedule) finds an ordinary
 * scheduled post — and if that fails, the post still goes out at its time, once. A network that
 * refuses, or a post due within a minute (the network may be publishing it), stops everything with
 * the reason; targets already withdrawn stay withdrawn.
 */
export async function withdrawHandedOver(ctx: AppContext, actor: Actor, postId: string): Promise<void> {
  const held = await ctx.db
    .select({ target: postTargets, channel: channels })
    .from(postTargets)
    .innerJoin(channels, eq(channels.id, postTargets.channelId))
    .where(and(eq(postTargets.postId, postId), eq(postTargets.workspaceId, actor.workspaceId), eq(postTargets.state, 'handed_over')));
  for (const { target, channel } of held) {
    const connector = maybeConnectorFor(channel.network);
    const name = connector?.capabilities.displayName ?? channel.network;
    if (target.dueAt.getTime() - Date.now() < WITHDRAW_BEFORE_MS) {
      throw new AppError('CONFLICT', `${channel.name} is due in less than a minute and ${name} may be publishing it now; it can no longer be taken back.`, { channelId: channel.id });
    }
    if (!connector || connector.capabilities.canDelete === false) throw new AppError('CONFLICT', `${name} cannot withdraw a scheduled post through Tandem; withdraw it on ${name} itself.`, { channelId: channel.id });
    if (channel.status !== 'connected') throw new AppError('CONFLICT', `${channel.name} needs to be reconnected before its scheduled post can be withdrawn from ${name}.`, { channelId: channel.id });
    const ref = target.remoteRefs[0];
    if (ref) {
      try {
        await connector.delete(connectorContext(ctx.db, ctx.secrets, channel, { userId: actor.userId }), ref);
      } catch (err) {
        await recordChannelError(ctx, channel.id, err);
        throw networkFailure(name, err);
      }
      await recordChannelOk(ctx.db, channel.id);
    }
    await ctx.db.transaction(async (tx) => {
      const back = await tx
        .update(postTargets)
        .set({ state: 'pending', remoteRefs: [], nextPart: 0, leaseUntil: null, lastError: null, updatedAt: new Date() })
        .where(and(eq(postTargets.id, target.id), eq(postTargets.state, 'handed_over')))
        .returning({ id: postTargets.id });
      if (back.length) await ctx.jobs.enqueue(tx, publishTarget, { targetId: target.id }, { startAfter: target.dueAt, singletonKey: target.id });
    });
  }
}
