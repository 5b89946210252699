import { fileURLToPath } from 'node:url';
import { connectorContract, fixtureHarness, type ContractHarness } from '../test/contract';
import { redditConnector } from './index';

const dir = fileURLToPath(new URL('./recordings', import.meta.url));
const auth = {
  accessToken: 'recorded-access-token',
  refreshToken: 'recorded-refresh-token',
  expiresAt: '2099-01-01T00:00:00.000Z',
  username: 'caffeaurora',
  subreddit: 'CaffeAurora',
};

const fixtures = fixtureHarness(redditConnector, dir, auth);
/** Reddit takes form-encoded bodies: the contract looks for the published text in them decoded. */
const harness: ContractHarness = {
  ...fixtures,
  async prepare(scenario) {
    const env = await fixtures.prepare(scenario);
    if ('skip' in env || !env.sent) return env;
    const sent = env.sent;
    return { ...env, sent: () => sent().map((b) => [...new URLSearchParams(b).values()].join('\n')) };
  },
};

connectorContract(harness);
