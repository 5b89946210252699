import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FixtureServer, readRecording, type RecordedExchange } from '../test/fixtureServer';
import type { ConnectorContext, PublishInput } from '../types';
import { classifyGraph } from './errors';
import { facebookConnector as fb } from './index';
import { publishFacebook, scheduleFields } from './publish';
import { FACEBOOK_TEST_AUTH } from './testAuth';

const server = new FixtureServer();
beforeAll(async () => void (await server.start()));
afterAll(() => server.stop());
beforeEach(() => server.load({ source: 'test', exchanges: [] }));

const ctx = (): ConnectorContext => ({ auth: FACEBOOK_TEST_AUTH, baseUrl: server.url, onAuthRefreshed: async () => {} });
const recording = (name: string) => readRecording(fileURLToPath(new URL('./recordings', import.meta.url)), name)!;
const PAGE = FACEBOOK_TEST_AUTH.pageId;
const NOW = Date.parse('2026-11-23T08:00:00Z');
const post = (extra: Partial<PublishInput> = {}): PublishInput => ({ text: 'Hello', media: [], idempotencyKey: 'k', scheduledAt: new Date(NOW), ...extra });
const png = { bytes: new Uint8Array([137, 80, 78, 71]), mimeType: 'image/png', altText: 'Beans' };
const answer = (method: string, path: string, body: unknown, bodyIncludes?: string[]): RecordedExchange => ({ match: { method, path: `/v25.0/${path}`, ...(bodyIncludes ? { bodyIncludes } : {}) }, response: { status: 200, body } });

describe('Facebook Graph error classification', () => {
  const h = (o: Record<string, string> = {}) => new Headers(o);
  it('190 is an expired token; 4, 17, 32, 613 and 80001 are rate limits; the rest is refused verbatim', () => {
    expect(classifyGraph(400, { message: 'Error validating access token: Session has expired', code: 190, error_subcode: 463 }, h())).toMatchObject({ kind: 'auth_expired', opts: { networkCode: '190/463' } });
    for (const code of [4, 17, 32, 613, 80001]) expect(classifyGraph(400, { message: 'limit', code }, h()).kind, String(code)).toBe('rate_limited');
    expect(classifyGraph(400, { message: '(#100) Invalid parameter', code: 100 }, h())).toMatchObject({ kind: 'rejected', message: '(#100) Invalid parameter' });
    expect(classifyGraph(500, { message: 'Please retry', code: 2, is_transient: true }, h()).kind).toBe('transient');
    expect(classifyGraph(400, { message: 'odd', code: 9999, is_transient: true }, h()).kind).toBe('transient');
    expect(classifyGraph(502, undefined, h()).kind).toBe('transient');
  });

  it('waits estimated_time_to_regain_access minutes from X-Business-Use-Case-Usage, else 15 minutes', () => {
    const usage = JSON.stringify({ [PAGE]: [{ type: 'pages', call_count: 100, total_cputime: 10, total_time: 10, estimated_time_to_regain_access: 19 }] });
    expect(classifyGraph(400, { message: 'x', code: 80001 }, h({ 'x-business-use-case-usage': usage }), NOW).opts.retryAfter?.getTime()).toBe(NOW + 19 * 60_000);
    expect(classifyGraph(400, { message: 'x', code: 4 }, h({ 'x-business-use-case-usage': 'not json' }), NOW).opts.retryAfter?.getTime()).toBe(NOW + 15 * 60_000);
  });

  it('sends the token in the Authorization header, never in the URL or an error', async () => {
    server.load(recording('error_auth_expired'));
    const err = (await fb.publish(ctx(), post()).catch((e: unknown) => e)) as Error;
    const req = server.received[0]!;
    expect(req.headers.authorization).toBe(`Bearer ${FACEBOOK_TEST_AUTH.pageAccessToken}`);
    expect(JSON.stringify(req.query)).not.toContain(FACEBOOK_TEST_AUTH.pageAccessToken);
    expect(err.message).not.toContain(FACEBOOK_TEST_AUTH.pageAccessToken);
  });
});

describe('Facebook publishing', () => {
  it('schedules natively only from 10 minutes to 30 days ahead', () => {
    const at = (ms: number) => scheduleFields(new Date(NOW + ms), NOW);
    expect(at(9 * 60_000)).toEqual({});
    expect(at(-60_000)).toEqual({});
    expect(at(10 * 60_000)).toEqual({ published: 'false', scheduled_publish_time: String((NOW + 600_000) / 1000) });
    expect(at(30 * 86_400_000)).toHaveProperty('published', 'false');
    expect(at(30 * 86_400_000 + 1000)).toEqual({});
  });

  it('a post due in two hours is held by Facebook (published=false, scheduled_publish_time)', async () => {
    const at = new Date(NOW + 2 * 3600_000);
    server.load({ source: 'test', exchanges: [answer('POST', `${PAGE}/feed`, { id: `${PAGE}_1` }, ['"published":"false"', `"scheduled_publish_time":"${at.getTime() / 1000}"`])] });
    const ref = await publishFacebook(ctx(), post({ scheduledAt: at }), NOW);
    expect(ref).toEqual({ id: `${PAGE}_1`, url: `https://www.facebook.com/${PAGE}_1`, meta: { scheduled: 'true' } });
  });

  it('several photos are uploaded unpublished (temporary when scheduled) and attached to one feed post', async () => {
    const at = new Date(NOW + 3600_000);
    server.load({ source: 'test', exchanges: [
      answer('POST', `${PAGE}/photos`, { id: '9001' }, ['name="published"\r\n\r\nfalse', 'name="temporary"\r\n\r\ntrue', 'name="alt_text_custom"\r\n\r\nBeans']),
      answer('POST', `${PAGE}/photos`, { id: '9002' }, ['name="published"\r\n\r\nfalse']),
      answer('POST', `${PAGE}/feed`, { id: `${PAGE}_2` }, ['"attached_media":[{"media_fbid":"9001"},{"media_fbid":"9002"}]', '"scheduled_publish_time"']),
    ] });
    expect((await publishFacebook(ctx(), post({ media: [png, png], scheduledAt: at }), NOW)).id).toBe(`${PAGE}_2`);
    expect(server.unused()).toEqual([]);
  });

  it('a link card becomes the post link; a video is refused before any call', async () => {
    server.load({ source: 'test', exchanges: [answer('POST', `${PAGE}/feed`, { id: `${PAGE}_3` }, ['"link":"https://caffeaurora.it/tour"'])] });
    await publishFacebook(ctx(), post({ linkCard: { url: 'https://caffeaurora.it/tour', title: 'Tour', description: '' } }), NOW);
    server.load({ source: 'test', exchanges: [] });
    await expect(fb.publish(ctx(), post({ media: [{ ...png, mimeType: 'video/mp4' }] }))).rejects.toMatchObject({ kind: 'rejected' });
    expect(server.received).toHaveLength(0);
  });

  it('deleting a post already gone is done; findPublished has nothing to look up', async () => {
    server.load({ source: 'test', exchanges: [{ match: { method: 'DELETE', path: `/v25.0/${PAGE}_9` }, response: { status: 400, body: { error: { message: 'Unsupported delete request.', type: 'GraphMethodException', code: 100, error_subcode: 33, fbtrace_id: 'AbC' } } } }] });
    await expect(fb.delete(ctx(), { id: `${PAGE}_9` })).resolves.toBeUndefined();
    expect(await fb.findPublished(ctx(), 'k', new Date())).toBeNull();
  });
});

describe('Facebook comments, webhooks and OAuth', () => {
  it('pulls comments newer than the cursor, leaves out the Page\'s own, and moves the cursor', async () => {
    const rec = recording('pull_inbound');
    server.load(rec);
    const { items, cursor } = await fb.pullInbound!(ctx(), rec.input as never);
    expect(items.map((i) => [i.networkId, i.kind, i.author.handle])).toEqual([
      ['122100000000000001_1102', 'reply', 'Luca Bianchi'],
      ['122100000000000001_1101', 'comment', 'Marta Rossi'],
    ]);
    expect(items[0]).toMatchObject({ parentId: '122100000000000001_1101', rootId: `${PAGE}_122100000000000001` });
    expect(cursor).toBe(String(Date.parse('2026-11-23T10:05:00Z') / 1000));
  });

  it('the feed webhook yields new comments only (not the Page\'s replies, not reactions); headers are case-insensitive', () => {
    const w = recording('webhook').webhook!;
    const req = { headers: { 'X-Hub-Signature-256': w.headers['x-hub-signature-256'] }, rawBody: Buffer.from(w.body), query: {} };
    expect(fb.verifyWebhook!(req, w.secret)).toBe(true);
    expect(fb.verifyWebhook!({ ...req, headers: {} }, w.secret)).toBe(false);
    expect(fb.verifyWebhook!({ ...req, headers: { 'x-hub-signature-256': 'sha256=abc' } }, w.secret)).toBe(false);
    const items = fb.parseWebhook!(req);
    expect(items).toEqual([{ networkId: '122100000000000001_1105', kind: 'comment', author: { id: '7012345678901234', handle: 'Marta Rossi', displayName: 'Marta Rossi' }, text: 'Is the tour in English too?', parentId: `${PAGE}_122100000000000001`, rootId: `${PAGE}_122100000000000001`, createdAt: new Date(1795428000 * 1000) }]);
    expect(fb.parseWebhook!({ ...req, rawBody: Buffer.from('{"object":"instagram","entry":[]}') })).toEqual([]);
  });

  it('answers the subscription handshake (hub.challenge) only for subscribe with the right verify token', () => {
    const q = { 'hub.mode': 'subscribe', 'hub.verify_token': 'app-secret', 'hub.challenge': '1158201444' };
    expect(fb.answerWebhookChallenge!(q, 'app-secret')).toBe('1158201444');
    expect(fb.answerWebhookChallenge!({ ...q, 'hub.verify_token': 'app-secreT' }, 'app-secret')).toBeNull();
    expect(fb.answerWebhookChallenge!({ ...q, 'hub.mode': 'unsubscribe' }, 'app-secret')).toBeNull();
    expect(fb.answerWebhookChallenge!({ 'hub.mode': 'subscribe', 'hub.challenge': '1' }, 'app-secret')).toBeNull();
  });

  const signIn = (fields?: Record<string, string>) => fb.completeOAuth!({ code: 'AQDx-recorded-code', redirectUri: 'http://127.0.0.1/cb', clientId: 'tandem-client', clientSecret: 'tandem-secret', baseUrl: server.url, ...(fields ? { fields } : {}) });

  it('OAuth connects the Page named in the form (id or name), or the first the person can post to', async () => {
    for (const fields of [undefined, { page: PAGE }, { page: 'caffè aurora' }]) {
      server.load(recording('oauth'));
      const { auth, account } = await signIn(fields);
      expect(auth).toEqual({ pageId: PAGE, pageAccessToken: 'EAAGpageTokenCaffeAurora', pageName: 'Caffè Aurora' });
      expect(account).toEqual({ id: PAGE, handle: 'Caffè Aurora', displayName: 'Caffè Aurora' });
    }
  });

  it('OAuth refuses a named Page the person may only analyse', async () => {
    server.load(recording('oauth'));
    await expect(signIn({ page: '104836731230000' })).rejects.toMatchObject({ kind: 'rejected', message: expect.stringContaining('"104836731230000"') });
  });

  it('OAuth without a Page to post to is refused with what to do', async () => {
    const rec = recording('oauth');
    const accounts = rec.exchanges[2]!;
    accounts.response.body = { data: [(accounts.response.body as { data: unknown[] }).data[0]] };
    server.load(rec);
    await expect(signIn()).rejects.toMatchObject({ kind: 'rejected', message: expect.stringContaining('No Facebook Page') });
  });
});
