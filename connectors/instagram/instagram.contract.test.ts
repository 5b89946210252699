import { fileURLToPath } from 'node:url';
import { connectorContract, fixtureHarness } from '../test/contract';
import { pollSchedule } from '../meta/containers';
import { instagramConnector } from './index';

/**
 * Instagram against recorded answers of its API (shapes from developers.facebook.com; each recording
 * names its page). The manifest's mediaRequired and canDelete: false make the contract skip text-only
 * posts and delete; instagram.test.ts checks the connector refuses both with a reason.
 */
const recordings = fileURLToPath(new URL('./recordings', import.meta.url));
pollSchedule.delaysMs = [0, 10, 10, 10];

connectorContract(
  fixtureHarness(instagramConnector, recordings, {
    accessToken: 'ig-access-token',
    expiresAt: '2027-01-20T09:00:00.000Z',
    userId: '17841405822304914',
    username: 'caffeaurora',
  }),
);
