import type { Connector } from '../types';
import { completePinterestOAuth, connectPinterest } from './connect';
import { pinterestCapabilities } from './manifest';
import { fetchPinMetrics, fetchPinterestChannelMetrics } from './metrics';
import { refreshPinterestAuth } from './oauth';
import { deletePin, findPin, publishPin } from './publish';

/** Pinterest API v5 with fetch: image Pins to the channel's board, Pin analytics, followers. */
export const pinterestConnector: Connector = {
  capabilities: pinterestCapabilities,
  connect: connectPinterest,
  completeOAuth: completePinterestOAuth,
  refreshAuth: refreshPinterestAuth,
  publish: publishPin,
  findPublished: findPin,
  delete: deletePin,
  fetchMetrics: (ctx, refs) => fetchPinMetrics(ctx, refs),
  fetchChannelMetrics: fetchPinterestChannelMetrics,
};
