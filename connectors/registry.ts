import { blueskyConnector } from './bluesky';
import { manifestProblems } from './manifest';
import type { Connector } from './types';

/** Every connector by network id (the `network` of its capabilities). The server looks connectors up here. */
export const CONNECTORS: Record<string, Connector> = {
  bluesky: blueskyConnector,
};

export function getConnector(network: string): Connector | undefined {
  return Object.hasOwn(CONNECTORS, network) ? CONNECTORS[network] : undefined;
}

for (const c of Object.values(CONNECTORS)) {
  const problems = manifestProblems(c.capabilities);
  if (problems.length > 0) throw new Error(`Connector ${c.capabilities.network} has an unsound manifest: ${problems.join('; ')}`);
}
