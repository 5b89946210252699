import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { channels } from '../../../db/schema';
import { AppError, notFound } from '../../../errors';
import { recordAudit } from '../../audit';
import { connectorFor } from '../connectors';
import { presentChannel } from '../presenters';
import { signInToNetwork } from './signInToNetwork';

/** Signs in again after the network expired the session; must be the same account. */
export async function reconnectChannel({ ctx, actor, channelId, credentials }: { ctx: AppContext; actor: Actor; channelId: string; credentials: Record<string, string> }) {
  const [row] = await ctx.db.select().from(channels).where(and(eq(channels.id, channelId), eq(channels.workspaceId, actor.workspaceId)));
  if (!row) throw notFound('That channel');
  const connector = connectorFor(row.network);
  const connected = await signInToNetwork(connector, credentials);
  if (connected.account.id !== row.accountId) {
    throw new AppError('CONFLICT', `These credentials are for ${connected.account.handle}, but this channel is ${row.accountHandle}. Connect that account as a new channel instead.`);
  }
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(channels)
      .set({ authSealed: ctx.secrets.seal(JSON.stringify(connected.auth)), status: 'connected', accountHandle: connected.account.handle })
      .where(and(eq(channels.id, row.id), eq(channels.workspaceId, actor.workspaceId)))
      .returning();
    await recordAudit({ db: tx, action: 'channel.reconnected', workspaceId: actor.workspaceId, actor, target: { type: 'channel', id: row.id }, ip: actor.ip, data: { network: row.network, handle: connected.account.handle } });
    return presentChannel(updated!);
  });
}
