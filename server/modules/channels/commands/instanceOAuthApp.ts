import { and, eq } from 'drizzle-orm';
import { PublishError, type Connector } from '../../../../connectors/types';
import type { AppContext } from '../../../context';
import { oauthApps } from '../../../db/schema';
import { AppError } from '../../../errors';

/**
 * The OAuth app Tandem uses on one server of an instance-based network whose apps are registered per
 * server (`oauth.dynamicRegistration`): the one registered before, or a new registration made now
 * and kept (secret sealed). Two first sign-ins at once register twice; the unique index keeps the
 * first and both flows use it (the other registration is simply never used).
 */
export async function instanceOAuthApp(ctx: Pick<AppContext, 'db' | 'secrets' | 'publicUrl'>, connector: Connector, server: string, redirectUri: string): Promise<{ clientId: string; clientSecret: string }> {
  const network = connector.capabilities.network;
  const stored = await findInstanceOAuthApp(ctx, network, server, redirectUri);
  if (stored) return stored;
  if (!connector.registerOAuthApp || !connector.capabilities.oauth) throw new AppError('BAD_REQUEST', `${connector.capabilities.displayName} does not register apps per server.`);
  let app: { clientId: string; clientSecret: string };
  try {
    app = await connector.registerOAuthApp({ baseUrl: server, redirectUri, scopes: connector.capabilities.oauth.scopes, clientName: 'Tandem', website: ctx.publicUrl });
  } catch (err) {
    if (err instanceof PublishError) throw new AppError(err.kind === 'rejected' ? 'BAD_REQUEST' : 'UNAVAILABLE', `${server} did not register Tandem as an app: ${err.message}`, { kind: err.kind });
    throw err;
  }
  await ctx.db.insert(oauthApps).values({ network, server, redirectUri, clientId: app.clientId, clientSecretSealed: ctx.secrets.seal(app.clientSecret) }).onConflictDoNothing();
  return (await findInstanceOAuthApp(ctx, network, server, redirectUri)) ?? app;
}

/** The app registered before on this server, or null. */
export async function findInstanceOAuthApp(ctx: Pick<AppContext, 'db' | 'secrets'>, network: string, server: string, redirectUri: string) {
  const [row] = await ctx.db.select().from(oauthApps).where(and(eq(oauthApps.network, network), eq(oauthApps.server, server), eq(oauthApps.redirectUri, redirectUri)));
  return row ? { clientId: row.clientId, clientSecret: ctx.secrets.open(row.clientSecretSealed) } : null;
}
