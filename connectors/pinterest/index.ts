import { connectThroughOAuth } from '../oauth/app';
import type { Connector } from '../types';
import { completePinterestOAuth } from './connect';
import { pinterestCapabilities } from './manifest';
import { fetchPinMetrics, fetchPinterestChannelMetrics } from './metrics';
import { refreshPinterestAuth } from './oauth';
import { deletePin, findPin, publishPin } from './publish';

/** Pinterest API v5 with fetch: image Pins to the channel's board, Pin analytics, followers. */
export const pinterestConnector: Connector = {
  capabilities: pinterestCapabilities,
  // The board is a field of the connect form, checked in completeOAuth.
  connect: connectThroughOAuth('Pinterest', 'the Pinterest sign-in page'),
  completeOAuth: completePinterestOAuth,
  refreshAuth: refreshPinterestAuth,
  publish: publishPin,
  findPublished: findPin,
  delete: deletePin,
  fetchMetrics: (ctx, refs) => fetchPinMetrics(ctx, refs),
  fetchChannelMetrics: fetchPinterestChannelMetrics,
};
