import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FixtureServer, type RecordedExchange } from '../test/fixtureServer';
import { PublishError, type ConnectorContext } from '../types';
import { facebookConnector as fb } from './index';
import { SCHEDULE_MAX_MS, SCHEDULE_MIN_MS } from './manifest';
import { publishFacebook } from './publish';
import { FACEBOOK_TEST_AUTH } from './testAuth';

/**
 * Handing posts over to Facebook's scheduler, against the documented Graph shapes: GET /{post-id}
 * with is_published, scheduled_publish_time and permalink_url; DELETE /{post-id}; error 100/33 for a
 * post that no longer exists.
 */
const server = new FixtureServer();
beforeAll(async () => void (await server.start()));
afterAll(() => server.stop());
beforeEach(() => server.load({ source: 'test', exchanges: [] }));

const PAGE = FACEBOOK_TEST_AUTH.pageId;
const ID = `${PAGE}_122100000000000031`;
const ctx = (): ConnectorContext => ({ auth: FACEBOOK_TEST_AUTH, baseUrl: server.url, onAuthRefreshed: async () => {} });
const ref = { id: ID, url: `https://www.facebook.com/${ID}`, meta: { scheduled: 'true' } };
const input = { text: 'Autumn tour', idempotencyKey: 'target-1:0', scheduledAt: new Date(Date.now() - 3 * 60_000) };
const FIELDS = 'is_published,scheduled_publish_time,permalink_url';
const get = (body: unknown, fields = FIELDS, status = 200): RecordedExchange => ({ match: { method: 'GET', path: `/v25.0/${ID}`, query: { fields } }, response: { status, body } });
const gone = { error: { message: 'Unsupported get request. Object with ID \'x\' does not exist, cannot be loaded due to missing permissions, or does not support this operation.', type: 'GraphMethodException', code: 100, error_subcode: 33, fbtrace_id: 'AbC' } };
const calls = () => server.received.map((r) => `${r.method} ${r.path}`);

describe('Facebook confirmScheduled', () => {
  it('still held (is_published false): scheduled, and nothing is posted', async () => {
    server.load({ source: 'test', exchanges: [get({ id: ID, is_published: false, scheduled_publish_time: 1795424400, permalink_url: `https://www.facebook.com/${ID}` })] });
    expect(await fb.confirmScheduled!(ctx(), ref, input)).toEqual({ state: 'scheduled' });
    expect(calls()).toEqual([`GET /v25.0/${ID}`]);
  });

  it('published: the same id with its permalink, other meta kept, no longer marked scheduled', async () => {
    server.load({ source: 'test', exchanges: [get({ id: ID, is_published: true, permalink_url: 'https://www.facebook.com/caffeaurora/posts/pfbid02Tour' })] });
    const out = await fb.confirmScheduled!(ctx(), { ...ref, meta: { scheduled: 'true', photoId: '9001' } }, input);
    expect(out).toEqual({ state: 'published', ref: { id: ID, url: 'https://www.facebook.com/caffeaurora/posts/pfbid02Tour', meta: { photoId: '9001' } } });
  });

  it('a post deleted on Facebook (100/33) cannot be told published or not: unknown, for a person', async () => {
    server.load({ source: 'test', exchanges: [get(gone, FIELDS, 400)] });
    const out = await fb.confirmScheduled!(ctx(), ref, input);
    expect(out.state).toBe('unknown');
    expect(out).toMatchObject({ reason: expect.stringContaining('no longer has the scheduled post') });
  });

  it('an expired token is classified like every other call (the publisher looks again later)', async () => {
    server.load({ source: 'test', exchanges: [get({ error: { message: 'Error validating access token: Session has expired', type: 'OAuthException', code: 190, error_subcode: 463 } }, FIELDS, 400)] });
    const err = await fb.confirmScheduled!(ctx(), ref, input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PublishError);
    expect(err).toMatchObject({ kind: 'auth_expired' });
  });
});

describe('Facebook withdrawing a scheduled post (cancel, edit)', () => {
  it('still unpublished: DELETE /{post-id}', async () => {
    server.load({ source: 'test', exchanges: [get({ id: ID, is_published: false }, 'is_published'), { match: { method: 'DELETE', path: `/v25.0/${ID}` }, response: { status: 200, body: { success: true } } }] });
    await fb.delete(ctx(), ref);
    expect(calls()).toEqual([`GET /v25.0/${ID}`, `DELETE /v25.0/${ID}`]);
  });

  it('published meanwhile (e.g. "Publish now" on Facebook): refused with what to do, the live post stays', async () => {
    server.load({ source: 'test', exchanges: [get({ id: ID, is_published: true }, 'is_published')] });
    await expect(fb.delete(ctx(), ref)).rejects.toMatchObject({ kind: 'rejected', message: expect.stringContaining('already published') });
    expect(calls()).toEqual([`GET /v25.0/${ID}`]);
  });

  it('already gone on Facebook: withdrawn', async () => {
    server.load({ source: 'test', exchanges: [get(gone, 'is_published', 400)] });
    await expect(fb.delete(ctx(), ref)).resolves.toBeUndefined();
  });
});

describe('Facebook handover window', () => {
  it('matches the scheduled_publish_time window, and a post handed over at its lead comes back held', async () => {
    const w = fb.capabilities.nativeSchedulingWindow!;
    expect(w.minLeadSeconds * 1000).toBe(SCHEDULE_MIN_MS);
    expect(w.maxLeadSeconds * 1000).toBe(SCHEDULE_MAX_MS);
    // The publisher calls between minLead + 30 s and minLead + 5 min ahead (publisher/handover.ts).
    const now = Date.parse('2026-11-23T08:00:00Z');
    for (const ahead of [SCHEDULE_MIN_MS + 30_000, SCHEDULE_MIN_MS + 5 * 60_000]) {
      server.load({ source: 'test', exchanges: [{ match: { method: 'POST', path: `/v25.0/${PAGE}/feed`, bodyIncludes: ['"published":"false"', '"scheduled_publish_time"'] }, response: { status: 200, body: { id: ID } } }] });
      const out = await publishFacebook(ctx(), { text: 'Autumn tour', media: [], idempotencyKey: 'k', scheduledAt: new Date(now + ahead) }, now);
      expect(out.meta?.scheduled).toBe('true');
    }
  });
});
