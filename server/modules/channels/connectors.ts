import type { Connector } from '../../../connectors/types';
import { CONNECTORS } from '../../../connectors/registry';
import { sinkConnector, sinkShortConnector } from '../../../connectors/sink';
import { AppError } from '../../errors';

/**
 * The networks this server can publish to. The local sink is a real connector to an in-process
 * store, for tests and benchmarks (with a second network, "sink-x", that counts text by X's rules);
 * both are offered only when ENABLE_SINK_CONNECTOR allows it.
 * The real networks come from connectors/registry.ts.
 */
const connectors = new Map<string, Connector>(Object.entries(CONNECTORS));
let sinkEnabled = false;

export function configureConnectors(opts: { sink: boolean }) {
  sinkEnabled = opts.sink;
  for (const c of [sinkConnector, sinkShortConnector]) {
    if (sinkEnabled) connectors.set(c.capabilities.network, c);
    else connectors.delete(c.capabilities.network);
  }
}

export function connectorFor(network: string): Connector {
  const c = connectors.get(network);
  if (!c) throw new AppError('BAD_REQUEST', `This server has no connector for the network "${network}". Available: ${[...connectors.keys()].join(', ') || 'none'}.`, { network });
  return c;
}

export function availableNetworks(): string[] {
  return [...connectors.keys()];
}
