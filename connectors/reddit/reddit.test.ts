import { describe, expect, it } from 'vitest';
import { oauthTestHost } from '../oauth/testing';
import type { RecordedExchange } from '../test/fixtureServer';
import type { ChannelAuth, PublishInput } from '../types';
import { retryAfterFromHeaders, retryAfterFromMessage } from './errors';
import { redditConnector as reddit } from './index';
import { splitTitle } from './publish';


const AUTH: ChannelAuth = { accessToken: 'tok', refreshToken: 'ref', expiresAt: '2099-01-01T00:00:00Z', username: 'caffeaurora', subreddit: 'r/CaffeAurora' };
const APP = { clientId: 'cid', clientSecret: 'sec' };
const { server, on, fail } = oauthTestHost({ source: 'edge cases in the shapes of https://www.reddit.com/dev/api/', auth: AUTH, app: APP });
const at = new Date('2026-11-23T09:00:00Z');
const post = (text: string, extra: Partial<PublishInput> = {}): PublishInput => ({ text, media: [], idempotencyKey: 'k', scheduledAt: at, ...extra });
const submitted = { json: { errors: [], data: { url: 'https://www.reddit.com/r/CaffeAurora/comments/abc/x/', id: 'abc', name: 't3_abc' } } };

describe('Reddit: texts and options', () => {
  it('the first non-empty line is the title, the rest the body', () => {
    expect(splitTitle('\n  Title here \n\nBody line 1\nline 2\n')).toEqual({ title: 'Title here', body: 'Body line 1\nline 2' });
    expect(splitTitle('Only a title')).toEqual({ title: 'Only a title', body: '' });
    expect(splitTitle('  \n ')).toEqual({ title: '', body: '' });
  });

  it('refuses a title over 300 characters, an empty text or media, before any call', async () => {
    const ctx = on([]);
    expect(await fail(reddit.publish(ctx, post('é'.repeat(301))))).toMatchObject({ kind: 'rejected', message: expect.stringContaining('300') });
    expect(await fail(reddit.publish(ctx, post('   ')))).toMatchObject({ kind: 'rejected' });
    const media = [{ bytes: new Uint8Array(1), mimeType: 'image/png', altText: '' }];
    expect(await fail(reddit.publish(ctx, post('x', { media })))).toMatchObject({ kind: 'rejected' });
    expect(server.received).toHaveLength(0);
  });

  it('a channel without a subreddit is refused with what to do', async () => {
    const err = await fail(reddit.publish(on([], { ...AUTH, subreddit: '' }), post('hello')));
    expect(err).toMatchObject({ kind: 'rejected', message: expect.stringContaining('reconnect') });
  });

  it('kind=link posts the link card URL, with nsfw and spoiler, to the subreddit without its r/ prefix', async () => {
    const ctx = on([{ match: { method: 'POST', path: '/api/submit', bodyIncludes: ['kind=link', 'url=https%3A%2F%2Fcaffeaurora.it%2Fmenu', 'sr=CaffeAurora&', 'nsfw=true', 'spoiler=false', 'resubmit=false'] }, response: { status: 200, body: submitted } }]);
    const ref = await reddit.publish(ctx, post('Autumn menu', { options: { kind: 'link', nsfw: true }, linkCard: { url: 'https://caffeaurora.it/menu', title: 't', description: 'd' } }));
    expect(ref).toEqual({ id: 't3_abc', url: 'https://www.reddit.com/r/CaffeAurora/comments/abc/x/' });
    expect(server.unexpected()).toEqual([]);
    expect(server.received[0]!.headers['user-agent']).toMatch(/tandem/);
    expect(server.received[0]!.headers.authorization).toBe('bearer tok');
  });
});

describe('Reddit: errors in its documented shapes', () => {
  it('RATELIMIT durations in seconds, minutes, "an hour"; unreadable → one minute', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterFromMessage('you are doing that too much. try again in 9 seconds.', now).getTime() - now).toBe(9_000);
    expect(retryAfterFromMessage('you are doing that too much. try again in 1 minute.', now).getTime() - now).toBe(60_000);
    expect(retryAfterFromMessage('you are doing that too much. try again in an hour.', now).getTime() - now).toBe(3_600_000);
    expect(retryAfterFromMessage('slow down', now).getTime() - now).toBe(60_000);
  });

  it('429 → rate_limited at the end of the X-Ratelimit-Reset window', async () => {
    const ctx = on([{ match: { method: 'POST', path: '/api/submit' }, response: { status: 429, headers: { 'x-ratelimit-used': '600', 'x-ratelimit-remaining': '0.0', 'x-ratelimit-reset': '37' }, body: { message: 'Too Many Requests', error: 429 } } }]);
    const before = Date.now();
    const err = await fail(reddit.publish(ctx, post('hi')));
    expect(err).toMatchObject({ kind: 'rate_limited', message: expect.stringContaining('Too Many Requests') });
    const wait = err!.opts.retryAfter!.getTime() - before;
    expect(wait).toBeGreaterThanOrEqual(37_000);
    expect(wait).toBeLessThan(39_000);
    expect(retryAfterFromHeaders(new Headers()).getTime()).toBeGreaterThan(Date.now());
  });

  it('several api errors are kept verbatim together; 403 is rejected; a dead address is transient', async () => {
    const errors = [['TOO_LONG', 'this is too long (max: 300)', 'title'], ['NO_SELFS', "this community doesn't allow text posts", 'sr']];
    let err = await fail(reddit.publish(on([{ match: { method: 'POST', path: '/api/submit' }, response: { status: 200, body: { json: { errors } } } }]), post('hi')));
    expect(err).toMatchObject({ kind: 'rejected', message: "TOO_LONG: this is too long (max: 300) (title); NO_SELFS: this community doesn't allow text posts (sr)", opts: { networkCode: 'TOO_LONG' } });
    err = await fail(reddit.publish(on([{ match: { method: 'POST', path: '/api/submit' }, response: { status: 403, body: { message: 'Forbidden', error: 403 } } }]), post('hi')));
    expect(err).toMatchObject({ kind: 'rejected', message: 'Reddit answered 403: Forbidden' });
    const dead = { auth: AUTH, baseUrl: 'http://127.0.0.1:9', onAuthRefreshed: async () => {} };
    expect(await fail(reddit.publish(dead, post('hi')))).toMatchObject({ kind: 'transient' });
  });
});

describe('Reddit: tokens', () => {
  it('an access token about to expire is refreshed first, reported once, and used', async () => {
    const ctx = on(
      [
        { match: { method: 'POST', path: '/api/v1/access_token', bodyIncludes: ['grant_type=refresh_token', 'refresh_token=ref'] }, response: { status: 200, body: { access_token: 'new-tok', token_type: 'bearer', expires_in: 86400, scope: 'submit' } } },
        { match: { method: 'POST', path: '/api/submit' }, response: { status: 200, body: submitted } },
        { match: { method: 'POST', path: '/api/del' }, response: { status: 200, body: {} } },
      ],
      { ...AUTH, expiresAt: new Date(Date.now() + 10_000).toISOString() },
    );
    const ref = await reddit.publish(ctx, post('hi'));
    await reddit.delete(ctx, ref);
    expect(ctx.refreshed).toHaveLength(1);
    expect(ctx.refreshed[0]).toMatchObject({ accessToken: 'new-tok', refreshToken: 'ref', subreddit: 'r/CaffeAurora' });
    expect(server.received[0]!.headers.authorization).toBe(`Basic ${Buffer.from('cid:sec').toString('base64')}`);
    expect(server.received.slice(1).map((r) => r.headers.authorization)).toEqual(['bearer new-tok', 'bearer new-tok']);
  });

  it('a refused refresh is auth_expired, also when Reddit says so with HTTP 200', async () => {
    let ctx = on([{ match: { method: 'POST', path: '/api/v1/access_token' }, response: { status: 400, body: { error: 'invalid_grant' } } }]);
    expect(await fail(reddit.refreshAuth!(ctx))).toMatchObject({ kind: 'auth_expired', message: expect.stringContaining('invalid_grant') });
    ctx = on([{ match: { method: 'POST', path: '/api/v1/access_token' }, response: { status: 200, body: { error: 'invalid_grant' } } }]);
    expect(await fail(reddit.refreshAuth!(ctx))).toMatchObject({ kind: 'auth_expired', message: expect.stringContaining('invalid_grant') });
    expect(await fail(reddit.refreshAuth!(on([], { accessToken: 'x' })))).toMatchObject({ kind: 'auth_expired' });
  });

  it("refreshing uses the server's OAuth app, never one stored with the channel, and drops stored app credentials", async () => {
    const ctx = on([{ match: { method: 'POST', path: '/api/v1/access_token' }, response: { status: 200, body: { access_token: 'new-tok', token_type: 'bearer', expires_in: 86400, scope: 'submit' } } }], { ...AUTH, clientId: 'old', clientSecret: 'old-secret' });
    const fresh = await reddit.refreshAuth!(ctx);
    expect(server.received[0]!.headers.authorization).toBe(`Basic ${Buffer.from('cid:sec').toString('base64')}`);
    expect(fresh).toMatchObject({ accessToken: 'new-tok', refreshToken: 'ref', subreddit: 'r/CaffeAurora' });
    expect(fresh).not.toHaveProperty('clientId');
    expect(fresh).not.toHaveProperty('clientSecret');
    const unconfigured = { ...on([]), oauthClient: undefined };
    expect(await fail(reddit.refreshAuth!(unconfigured))).toMatchObject({ kind: 'auth_expired', message: expect.stringContaining('OAUTH_REDDIT_CLIENT_ID and OAUTH_REDDIT_CLIENT_SECRET') });
    expect(server.received).toHaveLength(0);
  });

  it('completeOAuth settles the subreddit from the connect form, checked before and after the code is spent', async () => {
    const signIn = (fields?: Record<string, string>) => reddit.completeOAuth!({ code: 'c', redirectUri: 'http://x/cb', clientId: 'cid', clientSecret: 'sec', baseUrl: server.url, fields });
    server.load({ source: 'none', exchanges: [] });
    expect(await fail(signIn())).toMatchObject({ kind: 'rejected', message: expect.stringContaining('subreddit') });
    expect(await fail(signIn({ subreddit: 'r/../../api' }))).toMatchObject({ kind: 'rejected' });
    expect(server.received).toHaveLength(0);
    const token: RecordedExchange = { match: { method: 'POST', path: '/api/v1/access_token', bodyIncludes: ['grant_type=authorization_code'] }, response: { status: 200, body: { access_token: 'tok', token_type: 'bearer', expires_in: 86400, refresh_token: 'ref', scope: 'submit' } } };
    const me: RecordedExchange = { match: { method: 'GET', path: '/api/v1/me' }, response: { status: 200, body: { name: 'caffeaurora', id: '1w72abc' } } };
    server.load({ source: 'POST /api/v1/access_token, GET /api/v1/me and /r/{sr}/about', exchanges: [token, me, { match: { method: 'GET', path: '/r/caffeaurora/about' }, response: { status: 200, body: { kind: 't5', data: { display_name: 'CaffeAurora', subscribers: 10, user_is_banned: false } } } }] });
    const { auth, account } = await signIn({ subreddit: '/r/caffeaurora' });
    expect(account).toMatchObject({ id: 't2_1w72abc', handle: 'caffeaurora' });
    expect(auth).toMatchObject({ accessToken: 'tok', refreshToken: 'ref', subreddit: 'CaffeAurora', username: 'caffeaurora' });
    expect(Object.keys(auth)).not.toContain('clientSecret');
    expect(Object.keys(auth)).not.toContain('clientId');
    server.load({ source: 'a banned account', exchanges: [token, me, { match: { method: 'GET', path: '/r/coffee/about' }, response: { status: 200, body: { kind: 't5', data: { display_name: 'Coffee', user_is_banned: true } } } }] });
    expect(await fail(signIn({ subreddit: 'coffee' }))).toMatchObject({ kind: 'rejected', message: 'u/caffeaurora is banned from r/coffee' });
    expect(await fail(reddit.connect({ subreddit: 'x' }))).toMatchObject({ kind: 'rejected' });
  });
});

describe('Reddit: reconciliation, comments and counters', () => {
  const link = (name: string, subreddit: string, created: number) => ({ kind: 't3', data: { id: name.slice(3), name, subreddit, author: 'caffeaurora', created_utc: created, permalink: `/r/${subreddit}/comments/${name.slice(3)}/x/`, score: 1, upvote_ratio: 1, num_comments: 0 } });
  const t = at.getTime() / 1000;

  it('findPublished takes the earliest submission to the subreddit since the scheduled time, else null', async () => {
    const children = [link('t3_late', 'CaffeAurora', t + 600), link('t3_other', 'coffee', t + 10), link('t3_first', 'caffeaurora', t + 30), link('t3_old', 'CaffeAurora', t - 3600)];
    const listing = { kind: 'Listing', data: { children, after: null } };
    let ctx = on([{ match: { method: 'GET', path: '/user/caffeaurora/submitted' }, response: { status: 200, body: listing } }]);
    expect(await reddit.findPublished(ctx, 'k', at)).toEqual({ id: 't3_first', url: 'https://www.reddit.com/r/caffeaurora/comments/first/x/' });
    ctx = on([{ match: { method: 'GET', path: '/user/caffeaurora/submitted' }, response: { status: 200, body: { kind: 'Listing', data: { children: [children[3]], after: null } } } }]);
    expect(await reddit.findPublished(ctx, 'k', at)).toBeNull();
  });

  it('pullInbound skips our own comments and what the cursor has seen; kinds follow the parent', async () => {
    const comment = (id: string, author: string, parent: string, created: number, replies: unknown = '') => ({ kind: 't1', data: { id, name: `t1_${id}`, author, body: id, created_utc: created, parent_id: parent, link_id: 't3_p', permalink: `/r/s/comments/p/x/${id}/`, subreddit: 's', replies } });
    const tree = { kind: 'Listing', data: { children: [comment('a', 'marta', 't3_p', 100, { kind: 'Listing', data: { children: [comment('b', 'CaffeAurora', 't1_a', 200), comment('c', 'luca', 't1_a', 300)] } }), comment('d', '[deleted]', 't3_p', 400)] } };
    const answer = { status: 200, body: [{ kind: 'Listing', data: { children: [] } }, tree] };
    let ctx = on([{ match: { method: 'GET', path: '/comments/p' }, response: answer }]);
    let res = await reddit.pullInbound!(ctx, { ourPosts: [{ id: 't3_p' }, { id: 'sink://elsewhere' }] });
    expect(res.items.map((i) => [i.networkId, i.kind, i.parentId])).toEqual([['t1_a', 'comment', 't3_p'], ['t1_c', 'reply', 't1_a']]);
    expect(res.cursor).toBe('400');
    ctx = on([{ match: { method: 'GET', path: '/comments/p' }, response: answer }]);
    res = await reddit.pullInbound!(ctx, { ourPosts: [{ id: 't3_p' }], cursor: '250' });
    expect(res.items.map((i) => i.networkId)).toEqual(['t1_c']);
    expect((await reddit.pullInbound!(on([]), {})).items).toEqual([]);
  });

  it('deleteComment deletes our own comment, and says a 403 on removal needs a moderator', async () => {
    let ctx = on([{ match: { method: 'POST', path: '/api/del', bodyIncludes: ['id=t1_mine'] }, response: { status: 200, body: {} } }]);
    await reddit.deleteComment!(ctx, { id: 't1_mine', kind: 'reply', meta: { author: 'CaffeAurora', subreddit: 's' } });
    expect(server.unused()).toEqual([]);
    ctx = on([{ match: { method: 'POST', path: '/api/remove' }, response: { status: 403, body: { message: 'Forbidden', error: 403 } } }]);
    const err = await fail(reddit.deleteComment!(ctx, { id: 't1_theirs', kind: 'comment', meta: { author: 'marta', subreddit: 'coffee' } }));
    expect(err).toMatchObject({ kind: 'rejected', message: expect.stringContaining('moderate r/coffee') });
  });

  it('metrics floor a negative score at 0 but keep it raw, and leave out deleted posts and foreign ids', async () => {
    const deleted = link('t3_gone', 's', t);
    deleted.data.author = '[deleted]';
    const neg = link('t3_neg', 's', t);
    neg.data.score = -3;
    const ctx = on([{ match: { method: 'GET', path: '/api/info', query: { id: 't3_neg,t3_gone' } }, response: { status: 200, body: { kind: 'Listing', data: { children: [neg, deleted] } } } }]);
    const metrics = await reddit.fetchMetrics!(ctx, [{ id: 't3_neg' }, { id: 't3_gone' }, { id: 'at://not/reddit' }, { id: 't3_neg' }]);
    expect(metrics).toEqual([{ id: 't3_neg', likes: 0, reposts: 0, replies: 0, quotes: 0, raw: { score: -3, upvote_ratio: 1, num_comments: 0, num_crossposts: 0 } }]);
    expect(await reddit.fetchMetrics!(on([]), [{ id: 'x' }])).toEqual([]);
  });
});
