import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { channels } from '../../../db/schema';
import { notFound } from '../../../errors';
import { connectorFor } from '../connectors';
import { hostServices } from '../channelAuth';
import { signInToNetwork } from './signInToNetwork';
import { storeReconnectedAccount } from './storeConnectedAccount';

/** Signs in again after the network expired the session; must be the same account. */
export async function reconnectChannel({ ctx, actor, channelId, credentials }: { ctx: AppContext; actor: Actor; channelId: string; credentials: Record<string, string> }) {
  const [row] = await ctx.db.select().from(channels).where(and(eq(channels.id, channelId), eq(channels.workspaceId, actor.workspaceId)));
  if (!row) throw notFound('That channel');
  const connector = connectorFor(row.network);
  const connected = await signInToNetwork(connector, credentials, hostServices(ctx.db, connector.capabilities.network, actor.workspaceId));
  return ctx.db.transaction((tx) => storeReconnectedAccount(tx, { ctx, actor, channel: row, connected }));
}
