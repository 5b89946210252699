import { and, eq } from 'drizzle-orm';
import type { Connector, InboundRef } from '../../../../connectors/types';
import type { Actor, AppContext } from '../../../context';
import { channels, inboundItems, postTargets } from '../../../db/schema';
import { AppError, notFound } from '../../../errors';
import { connectorContext } from '../channelAuth';
import { maybeConnectorFor } from '../connectors';

/**
 * An inbound item of the actor's workspace with its channel, connector and the reference the network
 * needs to act on it (our post it sits under, with that post's own references, e.g. Bluesky's CID).
 */
export async function loadInboundTarget(ctx: AppContext, actor: Actor, itemId: string) {
  const [row] = await ctx.db
    .select({ item: inboundItems, channel: channels })
    .from(inboundItems)
    .innerJoin(channels, eq(channels.id, inboundItems.channelId))
    .where(and(eq(inboundItems.id, itemId), eq(inboundItems.workspaceId, actor.workspaceId)));
  if (!row) throw notFound('That item');
  const { item, channel } = row;
  const connector = maybeConnectorFor(channel.network);
  if (!connector) throw new AppError('BAD_REQUEST', `This server has no connector for ${channel.network} any more.`);
  if (channel.status !== 'connected') throw new AppError('CONFLICT', `${channel.name} needs to be reconnected first.`, { channelId: channel.id });
  let root: InboundRef['root'];
  if (item.rootId) {
    const [target] = item.targetId ? await ctx.db.select({ refs: postTargets.remoteRefs }).from(postTargets).where(eq(postTargets.id, item.targetId)) : [];
    root = target?.refs.find((r) => r.id === item.rootId) ?? { id: item.rootId };
  }
  const ref: InboundRef = { id: item.networkId, kind: item.kind, ...(item.url && { url: item.url }), meta: item.meta, ...(root && { root }), ...(item.conversationId && { conversationId: item.conversationId }) };
  return { item, channel, connector: connector as Connector, ref, cctx: () => connectorContext(ctx.db, ctx.secrets, channel, { userId: actor.userId }) };
}
