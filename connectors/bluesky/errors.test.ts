import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublishError, type ChannelAuth, type ConnectorContext } from '../types';
import { blueskyConnector } from './index';

/**
 * Error classification through the real client stack against a stub XRPC server on loopback: the
 * answers a local PDS does not give (rate limits are off in dev-env, no 5xx on demand).
 */
type Answer = { status: number; body: unknown; headers?: Record<string, string> };
let answer: (path: string) => Answer;
let server: http.Server;
let service: string;
const seen: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    seen.push(path);
    req.resume();
    req.on('end', () => {
      const a = answer(path);
      res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
      res.end(JSON.stringify(a.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  service = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function ctx(serviceUrl = service): ConnectorContext & { refreshed: ChannelAuth[] } {
  const refreshed: ChannelAuth[] = [];
  return {
    refreshed,
    auth: { service: serviceUrl, did: 'did:plc:abc', handle: 'a.test', accessJwt: 'access', refreshJwt: 'refresh' },
    onAuthRefreshed: async (auth) => void refreshed.push(auth),
  };
}

const input = { text: 'hello', media: [], idempotencyKey: 'k1', scheduledAt: new Date('2026-11-22T18:00:00Z') };

async function publishError(c: ConnectorContext): Promise<PublishError> {
  const err = await blueskyConnector.publish(c, input).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(PublishError);
  return err as PublishError;
}

describe('Bluesky error classification', () => {
  it('429 RateLimitExceeded → rate_limited, retryAfter from ratelimit-reset', async () => {
    answer = () => ({
      status: 429,
      body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
      headers: { 'ratelimit-limit': '5000', 'ratelimit-remaining': '0', 'ratelimit-reset': '1795369999' },
    });
    const err = await publishError(ctx());
    expect(err.kind).toBe('rate_limited');
    expect(err.opts.retryAfter?.toISOString()).toBe(new Date(1795369999 * 1000).toISOString());
    expect(err.opts.networkCode).toBe('RateLimitExceeded');
  });

  it('5xx → transient; 400 InvalidRequest → rejected with the network message', async () => {
    answer = () => ({ status: 503, body: { error: 'NotEnoughResources', message: 'busy' } });
    expect((await publishError(ctx())).kind).toBe('transient');
    answer = (path) =>
      path.endsWith('createRecord')
        ? { status: 400, body: { error: 'InvalidRequest', message: 'Invalid app.bsky.feed.post record: grapheme too big' } }
        : { status: 400, body: { error: 'RecordNotFound', message: 'Could not locate record' } };
    const err = await publishError(ctx());
    expect(err.kind).toBe('rejected');
    expect(err.message).toContain('grapheme too big');
    expect(err.opts.networkCode).toBe('InvalidRequest');
  });

  it('a network that does not answer → transient', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect((await publishError(ctx(`http://127.0.0.1:${port}`))).kind).toBe('transient');
  });

  it('inbound, answers, hiding and counters classify the same way', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 300);
    answer = () => ({ status: 429, body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' }, headers: { 'ratelimit-reset': reset } });
    const limited = await blueskyConnector.pullInbound!(ctx(), {}).catch((e: unknown) => e);
    expect(limited).toMatchObject({ kind: 'rate_limited', opts: { retryAfter: new Date(Number(reset) * 1000) } });
    // The PDS proxies app.bsky.* reads to the AppView and answers 502 UpstreamFailure when that is down.
    answer = () => ({ status: 502, body: { error: 'UpstreamFailure', message: 'Upstream Failure' } });
    expect(await blueskyConnector.fetchChannelMetrics!(ctx()).catch((e: unknown) => e)).toMatchObject({ kind: 'transient' });
    const to = { id: 'at://did:plc:bob/app.bsky.feed.post/3lbobpost2222', kind: 'reply' as const };
    expect(await blueskyConnector.reply!(ctx(), to, { text: 'hi', idempotencyKey: 'r1' }).catch((e: unknown) => e)).toMatchObject({ kind: 'transient' });
  });

  it('hiding gives up after three compare-and-swap losses with the PDS message', async () => {
    seen.length = 0;
    answer = (path) =>
      path.endsWith('getRecord')
        ? { status: 200, body: { uri: 'at://did:plc:abc/app.bsky.feed.threadgate/3lroot2222222', cid: 'bafyreiegmclpqrkq23y6hsp2sz42j5lhkkjgegrlvi2wxedonllgicw6pe', value: { $type: 'app.bsky.feed.threadgate', post: 'at://did:plc:abc/app.bsky.feed.post/3lroot2222222', createdAt: '2026-11-01T00:00:00.000Z' } } }
        : { status: 400, body: { error: 'InvalidSwap', message: 'Record was at bafynew' } };
    const item = { id: 'at://did:plc:bob/app.bsky.feed.post/3lbobpost2222', kind: 'reply' as const, root: { id: 'at://did:plc:abc/app.bsky.feed.post/3lroot2222222' } };
    const err = await blueskyConnector.hideComment!(ctx(), item).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'rejected', message: 'Record was at bafynew', opts: { networkCode: 'InvalidSwap' } });
    expect(seen.filter((p) => p.endsWith('putRecord'))).toHaveLength(3);
    // Someone else's thread: refused before any request.
    seen.length = 0;
    const foreign = await blueskyConnector.hideComment!(ctx(), { ...item, root: { id: 'at://did:plc:carol/app.bsky.feed.post/3lroot2222222' } }).catch((e: unknown) => e);
    expect(foreign).toMatchObject({ kind: 'rejected' });
    expect(seen).toEqual([]);
  });

  it('an expired token whose refresh fails → auth_expired, nothing stored', async () => {
    seen.length = 0;
    answer = () => ({ status: 400, body: { error: 'ExpiredToken', message: 'Token has expired' } });
    const c = ctx();
    const err = await publishError(c);
    expect(err.kind).toBe('auth_expired');
    expect(seen).toContain('/xrpc/com.atproto.server.refreshSession');
    expect(c.refreshed).toEqual([]);
  });
});
