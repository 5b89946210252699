import type { TFunction } from 'i18next';
import { useNetworks, type Network } from '../../posts/api';

/**
 * The networks the connect form offers come from GET /api/networks: each connector declares the
 * credentials its `connect` reads (`connectFields`), so a network the server lacks (the test sinks
 * without ENABLE_SINK_CONNECTOR) is never offered, and a new connector needs no change here.
 */
export type NetworkField = Network['connectFields'][number];

export { useNetworks };

/** The sign-in fields of one network (none until the list has loaded). */
export function useNetworkFields(network: string): NetworkField[] {
  return useNetworks().data?.find((n) => n.network === network)?.connectFields ?? [];
}

/** A network's name in the viewer's language; the connector's own name for one we have no translation of. */
export function networkLabel(t: TFunction, network: string, displayName?: string): string {
  return t(`settings.channels.networks.${network}` as 'settings.channels.networks.bluesky', { defaultValue: displayName ?? network });
}
