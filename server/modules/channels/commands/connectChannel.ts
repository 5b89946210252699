import type { Actor, AppContext } from '../../../context';
import { connectorFor } from '../connectors';
import { hostServices } from '../channelAuth';
import { signInToNetwork } from './signInToNetwork';
import { storeConnectedAccount } from './storeConnectedAccount';
import { canonicalZone } from './updateChannel';

export interface ConnectChannelOptions {
  ctx: AppContext;
  actor: Actor;
  network: string;
  credentials: Record<string, string>;
  name?: string;
  timeZone?: string;
}

/** Signs in to the network with what the user typed and stores the resulting auth, sealed, with the account's own limits. */
export async function connectChannel({ ctx, actor, network, credentials, name, timeZone }: ConnectChannelOptions) {
  const zone = timeZone ? canonicalZone(timeZone) : 'UTC';
  const connector = connectorFor(network);
  const connected = await signInToNetwork(connector, credentials, hostServices(ctx.db, connector.capabilities.network, actor.workspaceId));
  return ctx.db.transaction((tx) => storeConnectedAccount(tx, { ctx, actor, network, displayName: connector.capabilities.displayName, connected, name, timeZone: zone }));
}
