import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, vi } from 'vitest';
import { connectorContract, fixtureHarness } from '../test/contract';
import { mastodonConnector } from './index';

/**
 * Mastodon passes the shared contract over responses recorded in the API's documented shapes
 * (recordings/<scenario>.json; each names its docs.joinmastodon.org source). The same scenarios run
 * against a real instance in mastodon.live.test.ts.
 *
 * The contract's posts are due at 2026-11-23T09:00Z. The publisher calls `publish` at the due time,
 * so the clock is set just after it: before that date the connector would hand the posts to the
 * instance's own scheduler instead (that path is tested in mastodon.test.ts).
 */
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date('2026-11-23T09:00:02Z'));
});
afterAll(() => {
  vi.useRealTimers();
});

const recordings = fileURLToPath(new URL('./recordings', import.meta.url));

connectorContract(
  fixtureHarness(mastodonConnector, recordings, {
    // Overridden by ctx.baseUrl (the loopback fixture server); never contacted.
    instance: 'https://mastodon.example',
    accessToken: 'recorded-token',
    accountId: '109302',
    acct: 'caffeaurora',
  }),
);
