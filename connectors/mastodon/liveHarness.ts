import type { ContractHarness, Scenario, ScenarioEnv } from '../test/contract';
import type { ConnectorContext } from '../types';
import { clientFor, normalizeInstance } from './client';
import { mastodonConnector } from './index';

/**
 * The shared contract against a real instance and account, for what can run without changing the
 * account: connecting, reading mentions, counters, and a refused token. Publishing, replying and
 * deleting would post on a real account, so they are left to the recordings.
 */
const NON_DESTRUCTIVE: Scenario[] = ['connect', 'pull_inbound', 'post_metrics', 'channel_metrics', 'error_auth_expired'];

export function liveHarness(url: string, token: string): ContractHarness {
  const instance = normalizeInstance(url);
  const ctx = (accessToken = token): ConnectorContext => ({ auth: { instance, accessToken }, baseUrl: instance, onAuthRefreshed: async () => {} });
  const env = (over: Partial<ScenarioEnv> = {}): ScenarioEnv => ({ ctx: ctx(), finish: () => {}, ...over });
  const client = clientFor(instance, token);
  return {
    connector: mastodonConnector,
    async prepare(scenario) {
      if (!NON_DESTRUCTIVE.includes(scenario)) return { skip: `${scenario} would change the account on ${instance}: covered by the recordings` };
      switch (scenario) {
        case 'connect':
          return env({ recording: { source: instance, exchanges: [], input: { instance, accessToken: token } } });
        case 'error_auth_expired':
          // A token the instance never issued: refused with 401 before anything is posted.
          return env({ ctx: ctx(`invalid-${Date.now()}`) });
        case 'pull_inbound': {
          const mentions = await client.v1.notifications.list({ types: ['mention'], limit: 1 });
          if (mentions.length === 0) return { skip: `the test account on ${instance} has no mentions to read` };
          return env({ recording: { source: instance, exchanges: [], input: {} } });
        }
        case 'post_metrics': {
          const me = await client.v1.accounts.verifyCredentials();
          const statuses = await client.v1.accounts.$select(me.id).statuses.list({ limit: 3, excludeReblogs: true });
          if (statuses.length === 0) return { skip: `the test account on ${instance} has no posts to measure` };
          return env({ recording: { source: instance, exchanges: [], input: { refs: statuses.map((s) => ({ id: s.id })) } } });
        }
        default:
          return env();
      }
    },
  };
}
