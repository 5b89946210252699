import { fileURLToPath } from 'node:url';
import { connectorContract, fixtureHarness } from '../test/contract';
import { youtubeConnector } from './index';

/** YouTube against recorded Data API answers; mediaRequired makes the contract skip text-only posts. */
const dir = fileURLToPath(new URL('./recordings', import.meta.url));
const auth = {
  accessToken: 'recorded-access-token',
  refreshToken: 'recorded-refresh-token',
  expiresAt: '2099-01-01T00:00:00.000Z',
  channelId: 'UCq7mW2x9CaffeAurora01',
  uploadsPlaylistId: 'UUq7mW2x9CaffeAurora01',
};

connectorContract(fixtureHarness(youtubeConnector, dir, auth));
