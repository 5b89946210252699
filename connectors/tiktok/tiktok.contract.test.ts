import { fileURLToPath } from 'node:url';
import { connectorContract, fixtureHarness } from '../test/contract';
import { createTiktokConnector } from './index';

/**
 * TikTok against recorded API v2 answers, polling at 0 ms. mediaRequired and canDelete: false make the
 * contract skip text-only posts and delete (tiktok.test.ts checks both are refused with the reason).
 */
const dir = fileURLToPath(new URL('./recordings', import.meta.url));
const auth = { accessToken: 'recorded-access-token', refreshToken: 'recorded-refresh-token', expiresAt: '2099-01-01T00:00:00.000Z', openId: '-000OY6Lrecorded4pQUBC8rTEDc_3zTNLkA', username: 'caffeaurora' };

connectorContract(fixtureHarness(createTiktokConnector({ intervalMs: 0, attempts: 5 }), dir, auth));
