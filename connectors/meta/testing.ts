import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { FixtureServer, type RecordedExchange } from '../test/fixtureServer';
import type { ChannelAuth, ConnectorContext, PublishError } from '../types';
import { pollSchedule } from './containers';

/**
 * Test-only: a loopback Graph host replaying exchanges for one account, with container polling at a
 * few milliseconds. `ctx` is made afresh before each test.
 */
export function graphTestHost(opts: { version: string; source: string; auth: ChannelAuth }) {
  const server = new FixtureServer();
  pollSchedule.delaysMs = [0, 5, 5];
  beforeAll(async () => {
    await server.start();
  });
  afterAll(() => server.stop());
  const host = {
    server,
    ctx: undefined as unknown as ConnectorContext,
    play: (exchanges: RecordedExchange[]) => server.load({ source: opts.source, exchanges }),
    /** One exchange on the versioned API (`path` without the version). */
    ex: (method: string, path: string, status: number, body?: unknown, extra: Partial<RecordedExchange['match']> = {}, headers?: Record<string, string>): RecordedExchange => ({
      match: { method, path: `/${opts.version}/${path}`, ...extra },
      response: { status, body, headers },
    }),
    failure: (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as PublishError),
    allAnswered: () => {
      expect(server.unexpected().map((r) => `${r.method} ${r.path}`)).toEqual([]);
      expect(server.unused().map((e) => `${e.match.method} ${e.match.path}`)).toEqual([]);
    },
  };
  beforeEach(() => {
    host.ctx = { auth: { ...opts.auth }, baseUrl: server.url, onAuthRefreshed: async () => {} };
  });
  return host;
}

/** Meta's answer to a call it could not serve right now. */
export const GRAPH_TRANSIENT = { error: { message: 'An unexpected error has occurred. Please retry your request later.', type: 'OAuthException', is_transient: true, code: 2, fbtrace_id: 'AbC' } };
