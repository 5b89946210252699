import { fileURLToPath } from 'node:url';
import { connectorContract, fixtureHarness } from '../test/contract';
import { pollSchedule } from '../meta/containers';
import { threadsConnector } from './index';

/** Threads against recorded answers of its API (shapes from developers.facebook.com; each recording names its page). */
const recordings = fileURLToPath(new URL('./recordings', import.meta.url));
pollSchedule.delaysMs = [0, 10, 10, 10];

connectorContract(
  fixtureHarness(threadsConnector, recordings, {
    accessToken: 'threads-access-token',
    expiresAt: '2027-01-20T09:00:00.000Z',
    userId: '17841400000000001',
    username: 'caffeaurora',
  }),
);
