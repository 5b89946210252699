import { ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { FixtureServer, readRecording, type RecordedExchange } from '../test/fixtureServer';
import { PublishError, type ConnectorContext, type MediaInput } from '../types';
import { clientSettings } from './client';
import { classify, retryAfterOf } from './errors';
import { xConnector as x } from './index';

/** X edge cases: error shapes from docs.x.com (response-codes-and-errors, rate-limits), idempotency, counting. */
const server = new FixtureServer();
const ME = '1580661436132757506';
const at = new Date('2026-11-23T09:00:00Z');
let ctx: ConnectorContext;
const refreshed: unknown[] = [];

beforeAll(async () => {
  await server.start();
});
afterAll(() => server.stop());
beforeEach(() => {
  refreshed.length = 0;
  ctx = { auth: { accessToken: 'secret-access-token-123', userId: ME, username: 'caffeaurora', refreshToken: 'secret-refresh' }, baseUrl: server.url, oauthClient: { clientId: 'cid', clientSecret: '' }, onAuthRefreshed: async (a) => void refreshed.push(a) };
});

const play = (exchanges: RecordedExchange[]) => server.load({ source: 'docs.x.com, X API v2', exchanges });
const ex = (method: string, path: string, status: number, body?: unknown, extra: Partial<RecordedExchange['match']> = {}, headers?: Record<string, string>): RecordedExchange => ({ match: { method, path, ...extra }, response: { status, body, headers } });
const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as PublishError);
const DUPLICATE = { detail: 'You are not allowed to create a Tweet with duplicate content.', type: 'about:blank', title: 'Forbidden', status: 403 };
const allAnswered = () => {
  expect(server.unexpected().map((r) => `${r.method} ${r.path}`)).toEqual([]);
  expect(server.unused().map((e) => `${e.match.method} ${e.match.path}`)).toEqual([]);
};

describe('X error classification', () => {
  const response = (code: number, data: any, headers: Record<string, string> = {}) => new ApiResponseError('failed', { code, data, headers, request: {} as never, response: {} as never });

  it('keeps the problem detail verbatim and classifies by status', () => {
    expect(classify(response(401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' }))).toMatchObject({ kind: 'auth_expired', message: 'Unauthorized' });
    expect(classify(response(403, DUPLICATE))).toMatchObject({ kind: 'rejected', message: DUPLICATE.detail });
    expect(classify(response(400, { title: 'Invalid Request', detail: "The 'text' parameter is required.", type: 'https://api.x.com/2/problems/invalid-request' }))).toMatchObject({ kind: 'rejected', message: "The 'text' parameter is required." });
    expect(classify(response(502, { title: 'Bad Gateway', status: 502 }))).toMatchObject({ kind: 'transient', message: 'Bad Gateway' });
    // The older errors[] shape (docs.x.com/fundamentals/rate-limits).
    expect(classify(response(429, { errors: [{ code: 88, message: 'Rate limit exceeded' }] }))).toMatchObject({ kind: 'rate_limited', message: 'Rate limit exceeded' });
  });

  it('a refused refresh token is an expired sign-in', () => {
    const err = classify(response(400, { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' }));
    expect(err.kind).toBe('auth_expired');
  });

  it('a request that never got an answer is transient', () => {
    const err = classify(new ApiRequestError('socket hang up', { request: {} as never, error: new Error('socket hang up') }));
    expect(err).toMatchObject({ kind: 'transient', message: 'X could not be reached: socket hang up' });
  });

  it('retry-after: the 15-minute reset, a spent 24-hour cap, or one window by default', () => {
    const now = Date.parse('2026-11-23T09:00:00Z');
    const sec = now / 1000;
    expect(retryAfterOf({ 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(sec + 300) }, now).getTime()).toBe(now + 300_000);
    const daily = { 'x-rate-limit-reset': String(sec + 300), 'x-user-limit-24hour-remaining': '0', 'x-user-limit-24hour-reset': String(sec + 20_000), 'x-app-limit-24hour-remaining': '1200', 'x-app-limit-24hour-reset': String(sec + 50_000) };
    expect(retryAfterOf(daily, now).getTime()).toBe(now + 20_000_000);
    expect(retryAfterOf({ 'x-rate-limit-reset': String(sec - 10) }, now).getTime()).toBe(now + 15 * 60_000);
    expect(retryAfterOf({}, now).getTime()).toBe(now + 15 * 60_000);
  });

  it('never puts the token in an error message', async () => {
    play([ex('POST', '/2/tweets', 401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' })]);
    const err = await failure(x.publish(ctx, { text: 'hi', media: [], idempotencyKey: 'k-401', scheduledAt: at }));
    expect(err?.kind).toBe('auth_expired');
    expect(err?.message).not.toContain('secret-access-token-123');
  });
});

describe('X publishing', () => {
  it('a repeated publish finds the first post through X duplicate check instead of posting twice', async () => {
    const text = 'Roastery tour on Saturday ☕ https://caffeaurora.example/tour';
    play([
      ex('POST', '/2/tweets', 403, DUPLICATE, { bodyIncludes: ['Roastery tour'] }),
      ex('GET', `/2/users/${ME}/tweets`, 200, { data: [{ id: '1861000000000000099', text: 'Something else', edit_history_tweet_ids: ['1861000000000000099'] }, { id: '1861000000000000100', text: 'Roastery tour on Saturday ☕ https://t.co/AbCdEf12', edit_history_tweet_ids: ['1861000000000000100'] }], meta: { result_count: 2 } }, { query: { start_time: '2026-11-23T08:50:00.000Z', exclude: 'retweets' } }),
    ]);
    const ref = await x.publish(ctx, { text, media: [], idempotencyKey: 'dup-1', scheduledAt: at });
    expect(ref).toEqual({ id: '1861000000000000100', url: 'https://x.com/caffeaurora/status/1861000000000000100' });
    allAnswered();
  });

  it('a duplicate of an older post that is not ours to return stays refused, verbatim', async () => {
    play([ex('POST', '/2/tweets', 403, DUPLICATE), ex('GET', `/2/users/${ME}/tweets`, 200, { meta: { result_count: 0 } })]);
    const err = await failure(x.publish(ctx, { text: 'Good morning', media: [], idempotencyKey: 'dup-2', scheduledAt: at }));
    expect(err).toMatchObject({ kind: 'rejected', message: DUPLICATE.detail });
    allAnswered();
  });

  it('findPublished finds a post sent under the key in this process, and asks nothing for an unknown key', async () => {
    play([ex('POST', '/2/tweets', 201, { data: { id: '1861000000000000200', text: 'Lost answer' } }), ex('GET', `/2/users/${ME}/tweets`, 200, { data: [{ id: '1861000000000000200', text: 'Lost answer', edit_history_tweet_ids: ['1861000000000000200'] }], meta: { result_count: 1 } })]);
    await x.publish(ctx, { text: 'Lost answer', media: [], idempotencyKey: 'lost-1', scheduledAt: at });
    expect(await x.findPublished(ctx, 'lost-1', at)).toMatchObject({ id: '1861000000000000200' });
    allAnswered();
    play([]);
    expect(await x.findPublished(ctx, 'never-sent', at)).toBeNull();
    expect(server.received).toEqual([]);
  });

  it('refuses what X would refuse before any call: too long, a video with images, five images', async () => {
    play([]);
    const png: MediaInput = { bytes: new Uint8Array(10), mimeType: 'image/png', altText: '' };
    const mp4: MediaInput = { bytes: new Uint8Array(10), mimeType: 'video/mp4', altText: '' };
    const post = (text: string, media: MediaInput[] = []) => failure(x.publish(ctx, { text, media, idempotencyKey: 'r', scheduledAt: at }));
    // 141 CJK characters weigh 282 (twitter-text v3); 280 Latin letters weigh 280.
    expect(await post('咖'.repeat(141))).toMatchObject({ kind: 'rejected', message: 'The text is 282 of 280 weighted characters on X.' });
    expect(await post('ok', [png, mp4])).toMatchObject({ kind: 'rejected' });
    expect(await post('ok', [png, png, png, png, png])).toMatchObject({ kind: 'rejected' });
    expect(await post('ok', [{ ...png, mimeType: 'image/tiff' }])).toMatchObject({ kind: 'rejected' });
    expect(await post('   ')).toMatchObject({ kind: 'rejected' });
    expect(server.received).toEqual([]);
  });

  it('280 weighted characters go out', async () => {
    play([ex('POST', '/2/tweets', 201, { data: { id: '1861000000000000300', text: 'a' } })]);
    await expect(x.publish(ctx, { text: 'a'.repeat(280), media: [], idempotencyKey: 'len', scheduledAt: at })).resolves.toMatchObject({ id: '1861000000000000300' });
  });
});

describe('X mentions', () => {
  it('a mention answering our post is a reply under it, others are mentions; the cursor moves to the newest id', async () => {
    const rec = readRecording(fileURLToPath(new URL('./recordings', import.meta.url)), 'pull_inbound')!;
    server.load(rec);
    const { items, cursor } = await x.pullInbound!(ctx, rec.input as { cursor: string });
    expect(items.map((i) => [i.networkId, i.kind, i.rootId, i.author.handle])).toEqual([
      ['1861300000000000002', 'reply', '1861234567890123456', 'giulia_beans'],
      ['1861300000000000001', 'mention', undefined, 'romaeats'],
    ]);
    expect(cursor).toBe('1861300000000000002');
  });

  it('no new mentions keeps the cursor', async () => {
    play([ex('GET', `/2/users/${ME}/mentions`, 200, { meta: { result_count: 0 } }, { query: { since_id: '42' } })]);
    expect(await x.pullInbound!(ctx, { cursor: '42' })).toEqual({ items: [], cursor: '42' });
  });
});

describe('X sign-in', () => {
  it('refreshAuth stores the rotated tokens and hands them to the server', async () => {
    play([ex('POST', '/2/oauth2/token', 200, { token_type: 'bearer', expires_in: 7200, access_token: 'new-access', scope: 'tweet.read tweet.write users.read offline.access media.write', refresh_token: 'new-refresh' }, { bodyIncludes: ['refresh_token', 'secret-refresh'] })]);
    const fresh = await x.refreshAuth!(ctx);
    expect(fresh).toMatchObject({ accessToken: 'new-access', refreshToken: 'new-refresh', userId: ME });
    expect(Date.parse(fresh.expiresAt!)).toBeGreaterThan(Date.now() + 7_000_000);
    expect(refreshed).toEqual([fresh]);
  });

  it('a refused refresh is auth_expired', async () => {
    play([ex('POST', '/2/oauth2/token', 400, { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' })]);
    expect(await failure(x.refreshAuth!(ctx))).toMatchObject({ kind: 'auth_expired', message: 'Value passed for the token was invalid.' });
  });

  it("refreshing takes the app from the server's configuration: a public client sends its id, a confidential one Basic auth; none is auth_expired", async () => {
    const answer = { token_type: 'bearer', expires_in: 7200, access_token: 'new-access', scope: 'tweet.read', refresh_token: 'new-refresh' };
    play([ex('POST', '/2/oauth2/token', 200, answer, { bodyIncludes: ['"client_id":"cid"'] })]);
    const fresh = await x.refreshAuth!({ ...ctx, auth: { ...ctx.auth, clientId: 'stored-before', clientSecret: 'stored-before' } });
    expect(server.received[0]!.headers.authorization).toBeUndefined();
    expect(fresh).not.toHaveProperty('clientId');
    expect(fresh).not.toHaveProperty('clientSecret');
    play([ex('POST', '/2/oauth2/token', 200, answer)]);
    await x.refreshAuth!({ ...ctx, oauthClient: { clientId: 'cid', clientSecret: 'csecret' } });
    expect(server.received[0]!.headers.authorization).toBe(`Basic ${Buffer.from('cid:csecret').toString('base64')}`);
    play([]);
    expect(await failure(x.refreshAuth!({ ...ctx, oauthClient: undefined }))).toMatchObject({ kind: 'auth_expired', message: expect.stringContaining('OAUTH_TWITTER_CLIENT_ID') });
    expect(server.received).toEqual([]);
  });

  it('without a base URL the library keeps its own (api.x.com) settings', () => {
    expect(clientSettings(undefined)).toEqual({});
    expect(clientSettings('https://api.x.com/')).toEqual({});
    expect(clientSettings('http://127.0.0.1:1234')).toHaveProperty('httpAgent');
  });
});
