import { eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { inboundItems } from '../../../db/schema';
import { AppError } from '../../../errors';
import { recordAudit } from '../../audit';
import { networkFailure } from '../networkErrors';
import { presentInboundItem } from '../presenters';
import { recordChannelError, recordChannelOk } from './channelHealth';
import { loadInboundTarget } from './inboundTarget';

/**
 * Hides or deletes a comment under one of our posts, on the network, and records it on the item.
 * Doing it again is a no-op; a deleted item cannot be hidden any more.
 */
export async function moderateInbound({ ctx, actor, itemId, action }: { ctx: AppContext; actor: Actor; itemId: string; action: 'hide' | 'delete' }) {
  const { item, channel, connector, ref, cctx } = await loadInboundTarget(ctx, actor, itemId);
  const done = action === 'hide' ? 'hidden' : 'deleted';
  if (item.moderation === done || item.moderation === 'deleted') {
    if (item.moderation === done) return presentInboundItem(item);
    throw new AppError('CONFLICT', 'This item was already deleted on the network.');
  }
  const name = connector.capabilities.displayName;
  const call = action === 'hide' ? connector.hideComment : connector.deleteComment;
  const allowed = action === 'hide' ? connector.capabilities.features.hideComments : connector.capabilities.features.deleteComments;
  if (!call || !allowed) throw new AppError('BAD_REQUEST', `${name} does not let Tandem ${action} comments; do it on the network itself.`);
  try {
    await call.call(connector, cctx(), ref);
  } catch (err) {
    await recordChannelError(ctx, channel.id, err);
    throw networkFailure(name, err);
  }
  await recordChannelOk(ctx.db, channel.id);
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx.update(inboundItems).set({ moderation: done, moderatedAt: new Date() }).where(eq(inboundItems.id, item.id)).returning();
    await recordAudit({ db: tx, action: `inbound.${done}`, workspaceId: actor.workspaceId, actor, target: { type: 'inbound_item', id: item.id }, ip: actor.ip, data: { channelId: channel.id, network: channel.network, networkId: item.networkId } });
    return presentInboundItem(updated!);
  });
}
