import type { ChannelCapabilities, ChannelLimits } from '../../../connectors/types';
import { maybeConnectorFor } from './connectors';

/**
 * A channel's capabilities with its account's own limits (read from its server at connect, e.g. a
 * Mastodon instance's 500 characters) over the network's manifest. Everything that validates or
 * counts for one channel uses these, never the bare manifest.
 */
export function effectiveCapabilities(channel: { network: string; limits: ChannelLimits | null }): ChannelCapabilities | undefined {
  const caps = maybeConnectorFor(channel.network)?.capabilities;
  if (!caps) return undefined;
  const own = channel.limits;
  if (!own) return caps;
  return { ...caps, text: own.text?.length ? own.text : caps.text, media: { ...caps.media, ...stripUndefined(own.media ?? {}) } };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
