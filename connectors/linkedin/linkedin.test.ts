import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FixtureServer, readRecording, type RecordedExchange } from '../test/fixtureServer';
import type { ChannelAuth, ConnectorContext, PublishInput } from '../types';
import { parseCommentUrn } from './comments';
import { classifyLinkedIn, nextUtcMidnight } from './errors';
import { linkedinConnector as member, linkedinPageConnector as page } from './index';
import { toLittleText } from './littleText';
import { LINKEDIN_VERSION } from './manifest';
import { uploadTarget } from './publish';
import { LINKEDIN_PAGE_TEST_AUTH } from './testAuth';

const server = new FixtureServer();
beforeAll(async () => void (await server.start()));
afterAll(() => server.stop());
beforeEach(() => server.load({ source: 'test', exchanges: [] }));

const APP = { clientId: 'tandem-client', clientSecret: 'tandem-secret' };
const ctx = (auth: ChannelAuth = LINKEDIN_PAGE_TEST_AUTH): ConnectorContext => ({ auth, baseUrl: server.url, oauthClient: APP, onAuthRefreshed: async () => {} });
const recording = (sub: string, name: string) => readRecording(fileURLToPath(new URL(`./recordings/${sub}`, import.meta.url)), name)!;
const post = (extra: Partial<PublishInput> = {}): PublishInput => ({ text: 'Hello', media: [], idempotencyKey: 'k', scheduledAt: new Date(), ...extra });
const created = (bodyIncludes: string[]): RecordedExchange => ({ match: { method: 'POST', path: '/rest/posts', bodyIncludes }, response: { status: 201, headers: { 'x-restli-id': 'urn:li:share:1' } } });

describe('LinkedIn little text format', () => {
  it('escapes reserved characters and turns hashtags into the hashtag template', () => {
    expect(toLittleText('Tour (Saturday) @ 10 — 50% off_for *members* ~ <3 [link] {x} | a\\b')).toBe('Tour \\(Saturday\\) \\@ 10 — 50% off\\_for \\*members\\* \\~ \\<3 \\[link\\] \\{x\\} \\| a\\\\b');
    expect(toLittleText('#coffee and #caffè, not C# or a#b')).toBe('{hashtag|\\#|coffee} and {hashtag|\\#|caffè}, not C\\# or a\\#b');
    expect(toLittleText('#')).toBe('\\#');
  });
});

describe('LinkedIn errors', () => {
  it('401 is auth_expired, 429 waits until the next UTC midnight, 4xx keep the message, 5xx are transient', () => {
    const now = Date.parse('2026-11-23T22:15:00Z');
    expect(nextUtcMidnight(now).toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(classifyLinkedIn(401, { status: 401, serviceErrorCode: 65601, code: 'EXPIRED_ACCESS_TOKEN', message: 'The token used in the request has expired' })).toMatchObject({ kind: 'auth_expired', opts: { networkCode: '401:EXPIRED_ACCESS_TOKEN' } });
    expect(classifyLinkedIn(429, { status: 429, message: 'Too many requests' }, now).opts.retryAfter?.toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(classifyLinkedIn(400, { status: 400, message: 'ERROR :: /commentary :: is invalid' })).toMatchObject({ kind: 'rejected', message: 'ERROR :: /commentary :: is invalid' });
    expect(classifyLinkedIn(400, { error: 'invalid_grant', error_description: 'The provided authorization grant is invalid, expired or revoked' })).toMatchObject({ message: 'The provided authorization grant is invalid, expired or revoked', opts: { networkCode: '400:invalid_grant' } });
    expect(classifyLinkedIn(504, undefined).kind).toBe('transient');
  });
});

describe('LinkedIn publishing', () => {
  it('sends the versioned Rest.li headers and the token only in Authorization', async () => {
    server.load({ source: 'test', exchanges: [created(['"commentary":"Hello"'])] });
    expect(await page.publish(ctx(), post())).toEqual({ id: 'urn:li:share:1', url: 'https://www.linkedin.com/feed/update/urn:li:share:1/' });
    const h = server.received[0]!.headers;
    expect(h).toMatchObject({ 'linkedin-version': LINKEDIN_VERSION, 'x-restli-protocol-version': '2.0.0', authorization: `Bearer ${LINKEDIN_PAGE_TEST_AUTH.accessToken}` });
  });

  it('several images become multiImage; a link card without images becomes an article', async () => {
    const init = (n: number): RecordedExchange => ({ match: { method: 'POST', path: '/rest/images', query: { action: 'initializeUpload' } }, response: { status: 200, body: { value: { uploadUrl: `https://www.linkedin.com/dms-uploads/img${n}/uploaded-image/0?ca=vector_feedshare`, image: `urn:li:image:I${n}` } } } });
    const put = (n: number): RecordedExchange => ({ match: { method: 'PUT', path: `/dms-uploads/img${n}/uploaded-image/0` }, response: { status: 201, headers: { 'content-type': '' } } });
    const png = { bytes: new Uint8Array([1]), mimeType: 'image/png', altText: '' };
    server.load({ source: 'test', exchanges: [init(1), put(1), init(2), put(2), created(['"multiImage":{"images":[{"id":"urn:li:image:I1"},{"id":"urn:li:image:I2"}]}'])] });
    await page.publish(ctx(), post({ media: [png, png] }));
    expect(server.unused()).toEqual([]);
    server.load({ source: 'test', exchanges: [created(['"article":{"source":"https://caffeaurora.it/tour","title":"Tour"}'])] });
    await page.publish(ctx(), post({ linkCard: { url: 'https://caffeaurora.it/tour', title: 'Tour', description: '' } }));
    expect(server.unused()).toEqual([]);
  });

  it('uploads go to LinkedIn\'s upload URL, or through the base URL when one is set', () => {
    const url = 'https://www.linkedin.com/dms-uploads/X/uploaded-image/0?ca=a&ut=b';
    expect(uploadTarget(url)).toBe(url);
    expect(uploadTarget(url, 'http://127.0.0.1:9')).toBe('http://127.0.0.1:9/dms-uploads/X/uploaded-image/0?ca=a&ut=b');
  });

  it('refuses before calling: over 3,000 characters, video, more than 20 images', async () => {
    await expect(member.publish(ctx(), post({ text: 'x'.repeat(3001) }))).rejects.toMatchObject({ kind: 'rejected' });
    await expect(member.publish(ctx(), post({ media: [{ bytes: new Uint8Array(1), mimeType: 'video/mp4', altText: '' }] }))).rejects.toMatchObject({ kind: 'rejected' });
    expect(server.received).toHaveLength(0);
    expect(await member.findPublished(ctx(), 'k', new Date())).toBeNull();
  });

  it('a post already deleted counts as deleted', async () => {
    server.load({ source: 'test', exchanges: [{ match: { method: 'DELETE', path: '/rest/posts/*' }, response: { status: 404, body: { status: 404, serviceErrorCode: 0, code: 'NOT_FOUND', message: 'Not Found' } } }] });
    await expect(page.delete(ctx(), { id: 'urn:li:share:9' })).resolves.toBeUndefined();
  });
});

describe('LinkedIn tokens', () => {
  it('refresh uses the operator\'s app, keeps the author and drops app credentials older versions stored', async () => {
    const rec = recording('page', 'refresh_auth');
    server.load(rec);
    const fresh = await page.refreshAuth!(ctx({ ...LINKEDIN_PAGE_TEST_AUTH, ...rec.auth, clientSecret: 'stored-by-an-old-version' }));
    expect(fresh).toMatchObject({ accessToken: 'AQXNnd2kXITHELmWblJigyEvx2q1-fresh', refreshToken: 'AQWAft_WjYZKwuWXLC5hQlghgTam-old', authorUrn: LINKEDIN_PAGE_TEST_AUTH.authorUrn });
    expect(fresh).not.toHaveProperty('clientSecret');
    expect(Date.parse(fresh.expiresAt!)).toBeGreaterThan(Date.now() + 59 * 86_400_000);
  });

  it('without a refresh token, or when LinkedIn refuses it, the channel must sign in again', async () => {
    await expect(page.refreshAuth!(ctx())).rejects.toMatchObject({ kind: 'auth_expired' });
    server.load({ source: 'test', exchanges: [{ match: { method: 'POST', path: '/oauth/v2/accessToken' }, response: { status: 400, body: { error: 'invalid_grant', error_description: 'The provided authorization grant is invalid, expired or revoked' } } }] });
    await expect(page.refreshAuth!(ctx({ ...LINKEDIN_PAGE_TEST_AUTH, refreshToken: 'r' }))).rejects.toMatchObject({ kind: 'auth_expired', message: expect.stringContaining('invalid, expired or revoked') });
  });

  const signIn = (fields?: Record<string, string>) => page.completeOAuth!({ code: 'AQTQmah11lalyH65DAIivsjsAQV5P-recorded', redirectUri: 'http://127.0.0.1/cb', clientId: 'tandem-client', clientSecret: 'tandem-secret', baseUrl: server.url, ...(fields ? { fields } : {}) });

  it('the Page flavour connects the organization named in the form, or the first the member may post for', async () => {
    for (const fields of [undefined, { organization: '' }, { organization: 'https://www.linkedin.com/company/caffe-aurora/' }, { organization: '2414183' }]) {
      server.load(recording('page', 'oauth'));
      const { auth, account } = await signIn(fields);
      expect(account).toEqual({ id: 'urn:li:organization:2414183', handle: 'caffe-aurora', displayName: 'Caffè Aurora' });
      expect(auth).toMatchObject({ authorUrn: 'urn:li:organization:2414183', refreshToken: 'AQWAft_WjYZKwuWXLC5hQlghgTam-recorded' });
      expect(auth).not.toHaveProperty('clientSecret');
    }
  });

  it('a Page the member cannot post for (here: only an analyst) is refused by name', async () => {
    const rec = recording('page', 'oauth');
    server.load({ ...rec, exchanges: rec.exchanges.map((e) => ({ ...e, repeat: true })) });
    await expect(signIn({ organization: '5515715' })).rejects.toMatchObject({ kind: 'rejected', message: expect.stringContaining('"5515715"') });
  });
});

describe('LinkedIn Page comments and counts', () => {
  it('pulls comments newer than the cursor, without the organization\'s own', async () => {
    const rec = recording('page', 'pull_inbound');
    server.load(rec);
    const { items, cursor } = await page.pullInbound!(ctx(), rec.input as never);
    expect(items.map((i) => [i.kind, i.author.id])).toEqual([
      ['reply', 'urn:li:person:qTw3rT5y'],
      ['comment', 'urn:li:person:A1b2C3d4'],
    ]);
    expect(items[1]).toMatchObject({ networkId: 'urn:li:comment:(urn:li:activity:7190000000000000001,7190000000000000101)', rootId: 'urn:li:share:7190000000000000001' });
    expect(cursor).toBe('1795428200000');
  });

  it('parses comment URNs and refuses others', () => {
    expect(parseCommentUrn('urn:li:comment:(urn:li:ugcPost:12,34)')).toEqual({ object: 'urn:li:ugcPost:12', id: '34' });
    expect(() => parseCommentUrn('urn:li:share:1')).toThrow(/comment URN/);
  });

  it('counts likes, shares, comments, views and clicks; posts LinkedIn does not report are left out', async () => {
    const rec = recording('page', 'post_metrics');
    server.load(rec);
    expect(await page.fetchMetrics!(ctx(), rec.input!.refs as never)).toEqual([
      { id: 'urn:li:share:7190000000000000001', likes: 42, reposts: 3, replies: 7, quotes: 0, impressions: 1830, reach: 1204, clicks: 31, raw: { uniqueImpressionsCount: 1204, shareCount: 3, engagement: 0.0355, clickCount: 31, likeCount: 42, impressionCount: 1830, commentCount: 7 } },
    ]);
  });

  it('the member flavour declares no inbound or counts (partner-only permissions)', () => {
    expect(member.pullInbound).toBeUndefined();
    expect(member.fetchMetrics).toBeUndefined();
    expect(member.capabilities.oauth?.scopes).not.toContain('w_organization_social');
  });
});
