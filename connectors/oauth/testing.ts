import { afterAll, beforeAll } from 'vitest';
import { FixtureServer, type RecordedExchange } from '../test/fixtureServer';
import type { ChannelAuth, ConnectorContext, PublishError } from '../types';
import type { OAuthApp } from './app';

export type RecordingContext = ConnectorContext & { refreshed: ChannelAuth[] };

/**
 * Test-only: a loopback server for OAuth connectors' edge-case tests. `on(exchanges, auth?)` loads the
 * answers and gives a context for them, with the operator's OAuth app configured and the auths the
 * connector reported refreshed.
 */
export function oauthTestHost(opts: { source: string; auth: ChannelAuth; app: OAuthApp }) {
  const server = new FixtureServer();
  beforeAll(async () => {
    await server.start();
  });
  afterAll(() => server.stop());
  return {
    server,
    on(exchanges: RecordedExchange[], auth: ChannelAuth = opts.auth): RecordingContext {
      server.load({ source: opts.source, exchanges });
      const refreshed: ChannelAuth[] = [];
      return { auth, baseUrl: server.url, oauthClient: opts.app, refreshed, onAuthRefreshed: async (a) => void refreshed.push(a) };
    },
    fail: (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as PublishError),
  };
}
