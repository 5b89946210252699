export { channelRoutes } from './routes';
export { configureConnectors, connectorFor, availableNetworks } from './connectors';
export { canonicalZone } from './commands/updateChannel';
