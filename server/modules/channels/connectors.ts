import type { Connector } from '../../../connectors/types';
import { CONNECTORS, configureRegistry } from '../../../connectors/registry';
import { sinkConnector, sinkOAuthConnector, sinkShortConnector } from '../../../connectors/sink';
import { networkEnvName, type NetworkSecrets } from '../../env';
import { AppError } from '../../errors';

/**
 * The networks this server can publish to. The local sinks are real connectors to an in-process
 * store, for tests and benchmarks ("sink-x" counts text by X's rules, "sink-oauth" signs in with
 * OAuth 2 against a server the test runs); they are offered only when ENABLE_SINK_CONNECTOR allows it.
 * The real networks come from connectors/registry.ts. Per-network secrets (OAuth apps, webhook
 * secrets) come from the environment through server/env.ts.
 */
const connectors = new Map<string, Connector>(Object.entries(CONNECTORS));
let sinkEnabled = false;
let secrets: NetworkSecrets = { oauth: {}, webhooks: {} };

export function configureConnectors(opts: { sink: boolean; networks?: NetworkSecrets; allowPrivateHosts?: boolean }) {
  sinkEnabled = opts.sink;
  configureRegistry({ allowPrivateHosts: opts.allowPrivateHosts ?? false });
  secrets = opts.networks ?? { oauth: {}, webhooks: {} };
  for (const c of [sinkConnector, sinkShortConnector, sinkOAuthConnector]) {
    if (sinkEnabled) connectors.set(c.capabilities.network, c);
    else connectors.delete(c.capabilities.network);
  }
}

export function connectorFor(network: string): Connector {
  const c = connectors.get(network);
  if (!c) throw new AppError('BAD_REQUEST', `This server has no connector for the network "${network}". Available: ${[...connectors.keys()].join(', ') || 'none'}.`, { network });
  return c;
}

/** The connector, or undefined when this server no longer has the network (jobs skip those channels). */
export function maybeConnectorFor(network: string): Connector | undefined {
  return connectors.get(network);
}

export function availableNetworks(): string[] {
  return [...connectors.keys()];
}

/** The variables that hold a network's OAuth app (the operator sets them). */
export function oauthEnvNames(network: string) {
  const n = networkEnvName(network);
  return { clientId: `OAUTH_${n}_CLIENT_ID`, clientSecret: `OAUTH_${n}_CLIENT_SECRET` };
}

/**
 * The OAuth app this server uses with a network, or what the operator must set. A PKCE client may be
 * public (no secret); otherwise both are needed.
 */
export function oauthClientFor(network: string): { clientId: string; clientSecret: string } | { missing: string[] } {
  const pkce = connectors.get(network)?.capabilities.oauth?.pkce ?? false;
  const c = secrets.oauth[network] ?? {};
  const names = oauthEnvNames(network);
  const missing = [...(c.clientId ? [] : [names.clientId]), ...(c.clientSecret || pkce ? [] : [names.clientSecret])];
  return missing.length ? { missing } : { clientId: c.clientId!, clientSecret: c.clientSecret ?? '' };
}

/** The secret a network signs all its webhooks with (WEBHOOK_<NETWORK>_SECRET), when it has one per app. */
export function webhookSecretFor(network: string): string | undefined {
  return secrets.webhooks[network];
}
