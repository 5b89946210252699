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
    if (!row) throw new AppError('CONFLICT', `The ${connector.capabilities.displayName} account ${connected.account.handle} is already connected to this workspace.`);
    await recordAudit({ db: tx, action: 'channel.connected', workspaceId: actor.workspaceId, actor, target: { type: 'channel', id: row.id }, ip: actor.ip, data: { network, handle: row.accountHandle } });
    return presentChannel(row);
  });
}

