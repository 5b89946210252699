import type { Actor, AppContext } from '../../../context';
import { channels } from '../../../db/schema';
import { AppError } from '../../../errors';
import { recordAudit } from '../../audit';
import { connectorFor } from '../connectors';
import { presentChannel } from '../presenters';
import { signInToNetwork } from './signInToNetwork';

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
  if (timeZone && !isTimeZone(timeZone)) throw new AppError('VALIDATION_FAILED', `"${timeZone}" is not a time zone; use an IANA name such as Europe/Rome.`);
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
        timeZone: timeZone ?? 'UTC',
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('CONFLICT', `The ${connector.capabilities.displayName} account ${connected.account.handle} is already connected to this workspace.`);
    await recordAudit({ db: tx, action: 'channel.connected', workspaceId: actor.workspaceId, actor, target: { type: 'channel', id: row.id }, ip: actor.ip, data: { network, handle: row.accountHandle } });
    return presentChannel(row);
  });
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
