/**
 * The networks the connect form offers, with the credentials each connector's `connect` reads.
 * The server has no route listing its connectors; it refuses a network it lacks and names the
 * available ones in its message (the sink is offered only when ENABLE_SINK_CONNECTOR is on).
 */
export interface NetworkField {
  key: string;
  kind: 'text' | 'password' | 'url';
  required: boolean;
}

export const NETWORKS: Record<string, NetworkField[]> = {
  bluesky: [
    { key: 'identifier', kind: 'text', required: true },
    { key: 'appPassword', kind: 'password', required: true },
    { key: 'service', kind: 'url', required: false },
  ],
  sink: [{ key: 'account', kind: 'text', required: true }],
};

export const NETWORK_IDS = Object.keys(NETWORKS);
