import { fileURLToPath } from 'node:url';
import { connectorContract, fixtureHarness } from '../test/contract';
import { xConnector } from './index';

/** X against recorded answers of its API v2 (shapes from docs.x.com; each recording names its page). */
const recordings = fileURLToPath(new URL('./recordings', import.meta.url));

connectorContract(
  fixtureHarness(xConnector, recordings, {
      accessToken: 'x-access-token',
      refreshToken: 'x-refresh-token',
      expiresAt: '2026-11-23T11:00:00.000Z',
      userId: '1580661436132757506',
      username: 'caffeaurora',
    }),
);
