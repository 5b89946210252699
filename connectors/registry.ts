import { blueskyConnector } from './bluesky';
import type { Connector } from './types';

/** Every connector by network id (the `network` of its capabilities). The server looks connectors up here. */
export const CONNECTORS: Record<string, Connector> = {
  bluesky: blueskyConnector,
};

export function getConnector(network: string): Connector | undefined {
  return Object.hasOwn(CONNECTORS, network) ? CONNECTORS[network] : undefined;
}
