import { fileURLToPath } from 'node:url';
import { connectorContract, fixtureHarness } from '../test/contract';
import { pinterestConnector } from './index';

/** Pinterest against recorded API v5 answers; mediaRequired makes the contract skip text-only posts. */
const dir = fileURLToPath(new URL('./recordings', import.meta.url));
const auth = { accessToken: 'recorded-access-token', refreshToken: 'recorded-refresh-token', expiresAt: '2099-01-01T00:00:00.000Z', username: 'caffeaurora', boardId: '549755885175' };

connectorContract(fixtureHarness(pinterestConnector, dir, auth));
