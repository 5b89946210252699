import { describe, it } from 'vitest';
import { connectorContract } from '../test/contract';
import { liveHarness } from './liveHarness';

/**
 * The contract's non-destructive scenarios against a real instance, when both variables are set:
 *   MASTODON_TEST_URL=https://your.instance MASTODON_TEST_TOKEN=... npx vitest run connectors/mastodon/mastodon.live.test.ts
 * (Test code reads process.env itself: connectors/ may not import server/env.ts.)
 */
const url = process.env.MASTODON_TEST_URL?.trim();
const token = process.env.MASTODON_TEST_TOKEN?.trim();

if (url && token) {
  connectorContract(liveHarness(url, token));
} else {
  describe.skip('Mastodon live contract: set MASTODON_TEST_URL and MASTODON_TEST_TOKEN to run it against a real instance (see connectors/mastodon/README.md)', () => {
    it('needs a real instance', () => {});
  });
}
