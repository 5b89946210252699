import { sha256 } from '../../../crypto';
import type { Actor, AppContext } from '../../../context';
import { AppError } from '../../../errors';
import { recordAudit } from '../../audit';
import { markConversationReplied } from '../../inbox';
import { networkFailure } from '../networkErrors';
import { recordChannelError, recordChannelOk } from './channelHealth';
import { loadInboundTarget } from './inboundTarget';

/**
 * Answers a comment, mention or message as the channel's account. The idempotency key is the item,
 * the person and the text: sending the same answer twice (a double click, a retry after a lost
 * response) posts it once where the network honours keys.
 */
export async function replyToInbound({ ctx, actor, itemId, text }: { ctx: AppContext; actor: Actor; itemId: string; text: string }) {
  const { item, channel, connector, ref, cctx } = await loadInboundTarget(ctx, actor, itemId);
  if (!connector.reply || !connector.capabilities.features.reply) throw new AppError('BAD_REQUEST', `${connector.capabilities.displayName} does not let Tandem answer from here; answer on the network itself.`);
  if (item.moderation === 'deleted') throw new AppError('CONFLICT', 'This item was deleted on the network; there is nothing to answer any more.');
  const idempotencyKey = `reply:${item.id}:${sha256(`${actor.userId}\n${text}`).slice(0, 24)}`;
  let remote;
  try {
    remote = await connector.reply(cctx(), ref, { text, idempotencyKey });
  } catch (err) {
    await recordChannelError(ctx, channel.id, err);
    throw networkFailure(connector.capabilities.displayName, err);
  }
  await recordChannelOk(ctx.db, channel.id);
  await markConversationReplied(ctx.db, item.id);
  await recordAudit({ db: ctx.db, action: 'inbound.replied', workspaceId: actor.workspaceId, actor, target: { type: 'inbound_item', id: item.id }, ip: actor.ip, data: { channelId: channel.id, remoteId: remote.id } });
  return { remoteId: remote.id, url: remote.url ?? null };
}
