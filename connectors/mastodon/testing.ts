import { fileURLToPath } from 'node:url';
import { FixtureServer, readRecording, type RecordedExchange } from '../test/fixtureServer';
import type { ConnectorContext } from '../types';

/** Test helpers: the recordings' documented bodies, and a context on a loopback fixture server. */
export const RECORDINGS = fileURLToPath(new URL('./recordings', import.meta.url));

/** The response body of exchange `i` of a recording (documented shapes, reused by the edge-case tests). */
export function recordedBody(scenario: string, i = 0): any {
  const rec = readRecording(RECORDINGS, scenario);
  if (!rec) throw new Error(`no recording ${scenario}`);
  return structuredClone(rec.exchanges[i]!.response.body);
}

export function contextOn(server: FixtureServer, auth: Record<string, string> = {}): ConnectorContext {
  return {
    auth: { instance: 'https://mastodon.example', accessToken: 'test-token', accountId: '109302', acct: 'caffeaurora', ...auth },
    baseUrl: server.url,
    onAuthRefreshed: async () => {},
  };
}

export function serve(server: FixtureServer, exchanges: RecordedExchange[]) {
  server.load({ source: 'test', exchanges });
}
