import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { channels } from '../../../db/schema';
import { AppError } from '../../../errors';
import { recordAudit } from '../../audit';
import { connectorFor } from '../connectors';
import { presentChannel } from '../presenters';
import { signInToNetwork } from './signInToNetwork';
import { canonicalZone } from './updateChannel';

export interface ConnectChannelOptions {
  ctx: AppContext;
  actor: Actor;
  network: string;
  credentials: Record<string, string>;
  name?: string;
  timeZone?: string;
}

/** Signs in to the network with what the user typed and stores the resulting auth, sealed. */
export async function connectChannel({ ctx, actor, network, credentials, name, timeZone }: ConnectChannelOptions) {
  const zone = timeZone ? canonicalZone(timeZone) : 'UTC';
  const connector = connectorFor(network);
  const connected = await signInToNetwork(connector, credentials);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(channels)
      .values({
        workspaceId: actor.workspaceId,
        network,
        name: name ?? connected.account.displayName ?? connected.account.handle,
        accountId: connected.account.id,
        accountHandle: connected.account.handle,
        authSealed: ctx.secrets.seal(JSON.stringify(connected.auth)),
        timeZone: zone,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) return revive(tx, { ctx, actor, network, connected, name, zone, displayName: connector.capabilities.displayName });
    await recordAudit({ db: tx, action: 'channel.connected', workspaceId: actor.workspaceId, actor, target: { type: 'channel', id: row.id }, ip: actor.ip, data: { network, handle: row.accountHandle } });
    return presentChannel(row);
  });
}

type Tx = Parameters<Parameters<AppContext['db']['transaction']>[0]>[0];

/** The same account connected again after a disconnect gets its old channel back, history included. */
async function revive(tx: Tx, o: { ctx: AppContext; actor: Actor; network: string; connected: Awaited<ReturnType<typeof signInToNetwork>>; name?: string; zone: string; displayName: string }) {
  const [old] = await tx.select().from(channels).where(and(eq(channels.workspaceId, o.actor.workspaceId), eq(channels.network, o.network), eq(channels.accountId, o.connected.account.id))).for('update');
  if (!old || old.status !== 'disconnected') throw new AppError('CONFLICT', `The ${o.displayName} account ${o.connected.account.handle} is already connected to this workspace.`);
  const [row] = await tx
    .update(channels)
    .set({ status: 'connected', authSealed: o.ctx.secrets.seal(JSON.stringify(o.connected.auth)), accountHandle: o.connected.account.handle, name: o.name ?? old.name, timeZone: o.zone })
    .where(eq(channels.id, old.id))
    .returning();
  await recordAudit({ db: tx, action: 'channel.connected', workspaceId: o.actor.workspaceId, actor: o.actor, target: { type: 'channel', id: old.id }, ip: o.actor.ip, data: { network: o.network, handle: o.connected.account.handle, reconnected: true } });
  return presentChannel(row!);
}
