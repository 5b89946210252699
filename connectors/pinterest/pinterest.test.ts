import { describe, expect, it } from 'vitest';
import { oauthTestHost } from '../oauth/testing';
import type { ChannelAuth, PublishInput } from '../types';
import { retryAfterOf } from './errors';
import { pinterestConnector as pinterest } from './index';
import { fetchPinMetrics } from './metrics';


const AUTH: ChannelAuth = { accessToken: 'tok', refreshToken: 'ref', expiresAt: '2099-01-01T00:00:00Z', username: 'caffeaurora', boardId: '549755885175' };
const APP = { clientId: 'cid', clientSecret: 'sec' };
const { server, on, fail } = oauthTestHost({ source: 'edge cases in the shapes of https://developers.pinterest.com/docs/api/v5/', auth: AUTH, app: APP });
const png = { bytes: new Uint8Array([137, 80, 78, 71]), mimeType: 'image/png', altText: '' };
const post = (text: string, extra: Partial<PublishInput> = {}): PublishInput => ({ text, media: [png], idempotencyKey: 'k', scheduledAt: new Date('2026-11-23T09:00:00Z'), ...extra });
const created = { status: 201, body: { id: '1001', created_at: '2026-11-23T09:00:04', board_id: '549755885175' } };

describe('Pinterest: what a Pin must be', () => {
  it('refuses a text alone, a GIF, two images, a long title or description, a channel without board — before any call', async () => {
    const ctx = on([]);
    expect(await fail(pinterest.publish(ctx, post('Hello', { media: [] })))).toMatchObject({ kind: 'rejected', message: 'a Pin needs an image: attach one' });
    expect(await fail(pinterest.publish(ctx, post('Hi', { media: [{ ...png, mimeType: 'image/gif' }] })))).toMatchObject({ kind: 'rejected' });
    expect(await fail(pinterest.publish(ctx, post('Hi', { media: [png, png] })))).toMatchObject({ kind: 'rejected' });
    expect(await fail(pinterest.publish(ctx, post('t'.repeat(101))))).toMatchObject({ kind: 'rejected', message: expect.stringContaining('100') });
    expect(await fail(pinterest.publish(ctx, post(`Title\n${'d'.repeat(501)}`)))).toMatchObject({ kind: 'rejected', message: expect.stringContaining('500') });
    expect(await fail(pinterest.publish(on([], { ...AUTH, boardId: '' }), post('Hi')))).toMatchObject({ kind: 'rejected', message: expect.stringContaining('board') });
    expect(server.received).toHaveLength(0);
  });

  it('lets Pinterest fetch the image from its public URL, with the link card, description and alt text', async () => {
    const ctx = on([{ match: { method: 'POST', path: '/v5/pins' }, response: created }]);
    const media = [{ ...png, publicUrl: 'https://media.example/signed/a.png?sig=1', altText: 'Latte art' }];
    const ref = await pinterest.publish(ctx, post('Autumn menu\nChestnut cappuccino is back', { media, linkCard: { url: 'https://caffeaurora.it/menu', title: 't', description: 'd' } }));
    expect(ref).toEqual({ id: '1001', url: 'https://www.pinterest.com/pin/1001/' });
    expect(JSON.parse(server.received[0]!.body)).toEqual({
      board_id: '549755885175',
      title: 'Autumn menu',
      description: 'Chestnut cappuccino is back',
      link: 'https://caffeaurora.it/menu',
      alt_text: 'Latte art',
      media_source: { source_type: 'image_url', url: 'https://media.example/signed/a.png?sig=1' },
    });
    expect(server.received[0]!.headers.authorization).toBe('Bearer tok');
  });
});

describe('Pinterest: errors', () => {
  it('X-RateLimit-Reset as seconds from now or as a Unix time; absent → a minute', () => {
    const now = Date.parse('2026-11-23T00:00:00Z');
    expect(retryAfterOf(new Headers({ 'x-ratelimit-reset': '42' }), now).getTime() - now).toBe(42_000);
    expect(retryAfterOf(new Headers({ 'x-ratelimit-reset': '1795392000' }), now).toISOString()).toBe(new Date(1795392000 * 1000).toISOString());
    expect(retryAfterOf(new Headers(), now).getTime() - now).toBe(60_000);
  });

  it('a 429 for spam is a refusal, not a wait; 403 is rejected verbatim; an unreachable API is transient', async () => {
    let ctx = on([{ match: { method: 'POST', path: '/v5/pins' }, response: { status: 429, body: { code: 8, message: 'Your request was blocked because it looks like spam.' } } }]);
    expect(await fail(pinterest.publish(ctx, post('Hi')))).toMatchObject({ kind: 'rejected', message: 'Your request was blocked because it looks like spam.' });
    ctx = on([{ match: { method: 'POST', path: '/v5/pins' }, response: { status: 403, body: { code: 29, message: "The Pin's image is too small, too large or is broken" } } }]);
    expect(await fail(pinterest.publish(ctx, post('Hi')))).toMatchObject({ kind: 'rejected', message: "The Pin's image is too small, too large or is broken", opts: { networkCode: '29' } });
    expect(await fail(pinterest.publish({ auth: AUTH, baseUrl: 'http://127.0.0.1:9', onAuthRefreshed: async () => {} }, post('Hi')))).toMatchObject({ kind: 'transient' });
  });
});

describe('Pinterest: tokens, board, reconciliation, counters', () => {
  it('refreshes a token about to expire (HTTP Basic), reports it and uses it; a refused refresh is auth_expired', async () => {
    const ctx = on(
      [
        { match: { method: 'POST', path: '/v5/oauth/token', bodyIncludes: ['grant_type=refresh_token', 'refresh_token=ref'] }, response: { status: 200, body: { access_token: 'pina_new', response_type: 'refresh_token', token_type: 'bearer', expires_in: 2592000 } } },
        { match: { method: 'DELETE', path: '/v5/pins/1001' }, response: { status: 204 } },
      ],
      { ...AUTH, expiresAt: new Date(Date.now() + 1000).toISOString() },
    );
    await pinterest.delete(ctx, { id: '1001' });
    expect(ctx.refreshed).toEqual([expect.objectContaining({ accessToken: 'pina_new', refreshToken: 'ref', boardId: '549755885175' })]);
    expect(server.received[0]!.headers.authorization).toBe(`Basic ${Buffer.from('cid:sec').toString('base64')}`);
    expect(server.received[1]!.headers.authorization).toBe('Bearer pina_new');
    const refused = on([{ match: { method: 'POST', path: '/v5/oauth/token' }, response: { status: 400, body: { code: 1, message: 'Invalid refresh token.' } } }]);
    expect(await fail(pinterest.refreshAuth!(refused))).toMatchObject({ kind: 'auth_expired', message: expect.stringContaining('Invalid refresh token.') });
    expect(await fail(pinterest.refreshAuth!({ ...on([]), oauthClient: undefined }))).toMatchObject({ kind: 'auth_expired', message: expect.stringContaining('OAUTH_PINTEREST_CLIENT_ID') });
  });

  it('completeOAuth settles the board from the connect form; a malformed board id is refused before the code is spent', async () => {
    const signIn = (fields?: Record<string, string>) => pinterest.completeOAuth!({ code: 'c', redirectUri: 'http://x/cb', clientId: 'cid', clientSecret: 'sec', baseUrl: server.url, fields });
    server.load({ source: 'POST /v5/oauth/token, GET /v5/user_account and /v5/boards/{id}', exchanges: [
      { match: { method: 'POST', path: '/v5/oauth/token', bodyIncludes: ['grant_type=authorization_code', 'code=c'] }, response: { status: 200, body: { access_token: 'tok', refresh_token: 'ref', response_type: 'authorization_code', token_type: 'bearer', expires_in: 2592000, refresh_token_expires_in: 5184000, scope: 'boards:read' } } },
      { match: { method: 'GET', path: '/v5/user_account' }, response: { status: 200, body: { username: 'caffeaurora', business_name: 'Caffè Aurora', follower_count: 1 } } },
      { match: { method: 'GET', path: '/v5/boards/549755885175' }, response: { status: 200, body: { id: '549755885175', name: 'Autumn menu', owner: { username: 'caffeaurora' }, privacy: 'PUBLIC' } } },
    ] });
    const { auth, account } = await signIn({ boardId: ' 549755885175 ' });
    expect(server.received[0]!.headers.authorization).toBe(`Basic ${Buffer.from('cid:sec').toString('base64')}`);
    expect(auth).toMatchObject({ accessToken: 'tok', refreshToken: 'ref', boardId: '549755885175', boardName: 'Autumn menu', username: 'caffeaurora' });
    expect(Object.keys(auth).filter((k) => /client/i.test(k))).toEqual([]);
    expect(account).toMatchObject({ id: 'caffeaurora', handle: 'caffeaurora' });
    server.load({ source: 'none', exchanges: [] });
    expect(await fail(signIn({ boardId: 'caffeaurora/autumn' }))).toMatchObject({ kind: 'rejected' });
    expect(await fail(signIn())).toMatchObject({ kind: 'rejected', message: expect.stringContaining('board') });
    expect(await fail(pinterest.connect({ boardId: '549755885175' }))).toMatchObject({ kind: 'rejected', message: expect.stringContaining('OAuth') });
    expect(server.received).toHaveLength(0);
  });

  it('findPublished takes the earliest Pin on the board since the scheduled time, times without a zone being UTC', async () => {
    const page = { items: [{ id: '3', created_at: '2026-11-23T09:30:00' }, { id: '2', created_at: '2026-11-23T08:59:00' }, { id: '1', created_at: '2026-11-22T10:00:00' }] };
    let ctx = on([{ match: { method: 'GET', path: '/v5/boards/549755885175/pins' }, response: { status: 200, body: page } }]);
    expect(await pinterest.findPublished(ctx, 'k', new Date('2026-11-23T09:00:00Z'))).toEqual({ id: '2', url: 'https://www.pinterest.com/pin/2/' });
    ctx = on([{ match: { method: 'GET', path: '/v5/boards/549755885175/pins' }, response: { status: 200, body: { items: [page.items[2]] } } }]);
    expect(await pinterest.findPublished(ctx, 'k', new Date('2026-11-23T09:00:00Z'))).toBeNull();
  });

  it('metrics ask for the last 90 days and skip ids that are not Pins', async () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    const ctx = on([{ match: { method: 'GET', path: '/v5/pins/1001/analytics', query: { start_date: '2026-08-26', end_date: '2026-11-23' } }, response: { status: 200, body: { all: { summary_metrics: { IMPRESSION: 5, SAVE: 1, PIN_CLICK: 0 } } } } }]);
    const m = await fetchPinMetrics(ctx, [{ id: '1001' }, { id: 't3_reddit' }], now);
    expect(m).toEqual([{ id: '1001', likes: 0, reposts: 1, replies: 0, quotes: 0, impressions: 5, saves: 1, clicks: 0, raw: { IMPRESSION: 5, SAVE: 1, PIN_CLICK: 0 } }]);
  });
});
