import { pullInbound } from './jobs/pullInbound';
import { refreshTokens } from './jobs/refreshTokens';
import { analyzeInbound } from './jobs/analyzeInbound';

export { channelRoutes } from './routes';
export { configureConnectors, connectorFor, maybeConnectorFor, availableNetworks } from './connectors';
export { canonicalZone } from './commands/updateChannel';
/** Every call to a network reports the channel's health here (publisher, jobs). */
export { recordChannelOk, recordChannelError, markChannelNeedsReconnect } from './commands/channelHealth';
/** A channel's limits over its network's, for validation and counters. */
export { effectiveCapabilities } from './limits';
/** Opening a channel's credentials for a connector call, storing renewed tokens with their expiry. */
export { connectorContext, storeAuth } from './channelAuth';
/** A network's refusal during a person's request, in words (the network's verbatim, after ours). */
export { networkFailure } from './networkErrors';
export const channelJobs = [refreshTokens, pullInbound, analyzeInbound];
