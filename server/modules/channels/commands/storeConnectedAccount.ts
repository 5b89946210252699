import { and, eq } from 'drizzle-orm';
import type { ConnectedAccount } from '../../../../connectors/types';
import type { Actor, AppContext } from '../../../context';
import type { Db } from '../../../db/client';
import { channels } from '../../../db/schema';
import { AppError } from '../../../errors';
import { recordAudit } from '../../audit';
import { expiryOf } from '../channelAuth';
import { presentChannel } from '../presenters';

/** What a fresh sign-in sets on a channel: sealed auth, its expiry, the account's own limits, a clean bill of health. */
export function signedInColumns(ctx: Pick<AppContext, 'secrets'>, connected: ConnectedAccount) {
  return {
    status: 'connected' as const,
    authSealed: ctx.secrets.seal(JSON.stringify(connected.auth)),
    authExpiresAt: expiryOf(connected.auth),
    accountHandle: connected.account.handle,
    limits: connected.limits ?? null,
    rateLimitedUntil: null,
    lastOkAt: new Date(),
  };
}

/**
 * Stores a newly connected account as a channel; the same account connected again after a disconnect
 * gets its old channel back, history included. Runs in the caller's transaction.
 */
export async function storeConnectedAccount(tx: Db, o: { ctx: Pick<AppContext, 'secrets'>; actor: Actor; network: string; displayName: string; connected: ConnectedAccount; name?: string; timeZone: string; via?: 'oauth' }) {
  const { actor, connected } = o;
  const [row] = await tx
    .insert(channels)
    .values({ workspaceId: actor.workspaceId, network: o.network, name: o.name ?? connected.account.displayName ?? connected.account.handle, accountId: connected.account.id, timeZone: o.timeZone, ...signedInColumns(o.ctx, connected) })
    .onConflictDoNothing()
    .returning();
  if (row) {
    await recordAudit({ db: tx, action: 'channel.connected', workspaceId: actor.workspaceId, actor, target: { type: 'channel', id: row.id }, ip: actor.ip, data: { network: o.network, handle: row.accountHandle, ...(o.via && { via: o.via }) } });
    return presentChannel(row);
  }
  const [old] = await tx.select().from(channels).where(and(eq(channels.workspaceId, actor.workspaceId), eq(channels.network, o.network), eq(channels.accountId, connected.account.id))).for('update');
  if (!old || old.status !== 'disconnected') throw new AppError('CONFLICT', `The ${o.displayName} account ${connected.account.handle} is already connected to this workspace.`, { channelId: old?.id });
  const [revived] = await tx
    .update(channels)
    .set({ ...signedInColumns(o.ctx, connected), name: o.name ?? old.name, timeZone: o.timeZone })
    .where(eq(channels.id, old.id))
    .returning();
  await recordAudit({ db: tx, action: 'channel.connected', workspaceId: actor.workspaceId, actor, target: { type: 'channel', id: old.id }, ip: actor.ip, data: { network: o.network, handle: connected.account.handle, reconnected: true, ...(o.via && { via: o.via }) } });
  return presentChannel(revived!);
}

/** Signs a channel in again; it must be the same account. Runs in the caller's transaction. */
export async function storeReconnectedAccount(tx: Db, o: { ctx: Pick<AppContext, 'secrets'>; actor: Actor; channel: typeof channels.$inferSelect; connected: ConnectedAccount; via?: 'oauth' }) {
  const { channel, connected, actor } = o;
  if (connected.account.id !== channel.accountId) {
    throw new AppError('CONFLICT', `These credentials are for ${connected.account.handle}, but this channel is ${channel.accountHandle}. Connect that account as a new channel instead.`, { reason: 'other_account' });
  }
  const [updated] = await tx
    .update(channels)
    .set(signedInColumns(o.ctx, connected))
    .where(and(eq(channels.id, channel.id), eq(channels.workspaceId, actor.workspaceId)))
    .returning();
  await recordAudit({ db: tx, action: 'channel.reconnected', workspaceId: actor.workspaceId, actor, target: { type: 'channel', id: channel.id }, ip: actor.ip, data: { network: channel.network, handle: connected.account.handle, ...(o.via && { via: o.via }) } });
  return presentChannel(updated!);
}
