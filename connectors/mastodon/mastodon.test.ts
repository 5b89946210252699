import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FixtureServer } from '../test/fixtureServer';
import { PublishError, type MediaInput, type PublishInput } from '../types';
import { normalizeInstance } from './client';
import { mastodonConnector as mastodon } from './index';
import { limitsFromInstance } from './limits';
import { mediaPolling } from './media';
import { nativeScheduleAt, NATIVE_MIN_LEAD_MS, statusFields } from './publish';
import { contextOn, recordedBody, serve } from './testing';

const server = new FixtureServer();
beforeAll(async () => {
  await server.start();
});
afterAll(() => server.stop());

const ctx = () => contextOn(server);
const status = (id: string) => ({ ...recordedBody('publish_text'), id });
const post = (extra: Partial<PublishInput> = {}): PublishInput => ({ text: 'Autumn roastery tour on Saturday', media: [], idempotencyKey: 'key-1', scheduledAt: new Date(), ...extra });
const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as PublishError);
const header = (i: number, name: string) => server.received[i]?.headers[name];
const bodyOf = (i: number) => JSON.parse(server.received[i]!.body) as Record<string, unknown>;
const scheduled = { id: '3221', scheduled_at: '2026-12-01T09:00:00.000Z', params: { text: 'x', media_ids: null, sensitive: null, spoiler_text: null, visibility: null, scheduled_at: null, poll: null, idempotency: 'key-sched', in_reply_to_id: null, application_id: 596551 }, media_attachments: [] };

describe('instance limits (GET /api/v2/instance)', () => {
  it('reads text, url length and media limits from the documented configuration', async () => {
    const rec = recordedBody('connect', 1);
    serve(server, [
      { match: { method: 'GET', path: '/api/v1/accounts/verify_credentials' }, response: { status: 200, body: recordedBody('connect', 0) } },
      { match: { method: 'GET', path: '/api/v2/instance' }, response: { status: 200, body: { ...rec, configuration: { ...rec.configuration, statuses: { max_characters: 5000, max_media_attachments: 6, characters_reserved_per_url: 25 } } } } },
    ]);
    const { account, auth, limits } = await mastodon.connect({ instance: server.url, accessToken: ' tok ' });
    expect(account).toEqual({ id: '109302', handle: 'caffeaurora@mastodon.example', displayName: 'Caffè Aurora' });
    expect(auth).toEqual({ instance: server.url, accessToken: 'tok', accountId: '109302', acct: 'caffeaurora' });
    expect(limits?.text).toEqual([{ unit: 'mastodon', max: 5000, urlLength: 25 }]);
    expect(limits?.media).toEqual({
      maxItems: 6,
      imageTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/heic', 'image/heif', 'image/webp'],
      videoTypes: ['video/webm', 'video/mp4', 'video/quicktime', 'video/ogg', 'video/x-ms-asf'],
      imageMaxBytes: 10_485_760,
      videoMaxBytes: 41_943_040,
      altTextMax: 1500,
    });
    expect(server.received[0]!.headers.authorization).toBe('Bearer tok');
  });

  it('keeps the manifest defaults for what an instance leaves out', () => {
    expect(limitsFromInstance({ statuses: { maxCharacters: 1000 } })).toEqual({ text: [{ unit: 'mastodon', max: 1000 }] });
    expect(limitsFromInstance({ statuses: { maxCharacters: 'many' }, mediaAttachments: { imageSizeLimit: -1 } })).toBeUndefined();
    expect(limitsFromInstance(undefined)).toBeUndefined();
  });

  it('connects without instance limits before Mastodon 4.0 (no v2 instance)', async () => {
    serve(server, [
      { match: { method: 'GET', path: '/api/v1/accounts/verify_credentials' }, response: { status: 200, body: recordedBody('connect', 0) } },
      { match: { method: 'GET', path: '/api/v2/instance' }, response: { status: 404, body: { error: 'Record not found' } } },
    ]);
    const { limits, account } = await mastodon.connect({ instance: server.url, accessToken: 'tok' });
    expect(limits).toBeUndefined();
    expect(account.handle).toBe(`caffeaurora@${new URL(server.url).host}`);
  });

  it('refuses a wrong token at connect with the instance words, not as an expired channel', async () => {
    serve(server, [{ match: { method: 'GET', path: '/api/v1/accounts/verify_credentials' }, response: { status: 401, body: { error: 'The access token is invalid' } } }]);
    const err = await failure(mastodon.connect({ instance: server.url, accessToken: 'bad' }));
    expect(err).toMatchObject({ kind: 'rejected', message: 'The access token is invalid' });
  });

  it('takes the instance as typed and insists on https except on loopback', () => {
    expect(normalizeInstance('mastodon.social')).toBe('https://mastodon.social');
    expect(normalizeInstance(' https://mastodon.social/@someone ')).toBe('https://mastodon.social');
    expect(normalizeInstance('http://127.0.0.1:3000/')).toBe('http://127.0.0.1:3000');
    expect(() => normalizeInstance('http://mastodon.social')).toThrow(/https/);
    expect(() => normalizeInstance('')).toThrow(PublishError);
  });
});

describe('publish', () => {
  it('sends the Idempotency-Key header and the options as status fields', async () => {
    serve(server, [{ match: { method: 'POST', path: '/api/v1/statuses' }, response: { status: 200, body: status('1') } }]);
    const ref = await mastodon.publish(ctx(), post({ text: 'Spoilers ahead\nThe roast is dark.', options: { visibility: 'unlisted', language: 'it', contentWarning: 'firstLine', sensitive: true } }));
    expect(ref).toEqual({ id: '1', url: 'https://mastodon.example/@caffeaurora/109400000000000001' });
    expect(header(0, 'idempotency-key')).toBe('key-1');
    expect(bodyOf(0)).toEqual({ status: 'The roast is dark.', spoiler_text: 'Spoilers ahead', visibility: 'unlisted', language: 'it', sensitive: true });
  });

  it('leaves the account defaults alone when no option is chosen', () => {
    expect(statusFields({ text: 'Hi', media: [], options: { language: 'auto', contentWarning: 'none', sensitive: false } })).toEqual({ status: 'Hi' });
    expect(() => statusFields({ text: 'only a warning', media: [], options: { contentWarning: 'firstLine' } })).toThrow(/first line/);
  });

  it('hands a post due 5 minutes or more ahead to the instance scheduler', async () => {
    const due = new Date(Date.now() + 10 * 60_000);
    serve(server, [{ match: { method: 'POST', path: '/api/v1/statuses', bodyIncludes: ['"scheduled_at"'] }, response: { status: 200, body: scheduled } }]);
    const ref = await mastodon.publish(ctx(), post({ scheduledAt: due, idempotencyKey: 'key-sched' }));
    expect(ref).toEqual({ id: 'scheduled:3221', meta: { scheduled: 'true', scheduledAt: '2026-12-01T09:00:00.000Z' } });
    expect(bodyOf(0).scheduled_at).toBe(due.toISOString());
    expect(header(0, 'idempotency-key')).toBe('key-sched');
  });

  it('publishes at once when less than 5 minutes ahead, and never schedules a reply', async () => {
    const soon = new Date(Date.now() + 4 * 60_000);
    const later = new Date(Date.now() + 60 * 60_000);
    serve(server, [
      { match: { method: 'POST', path: '/api/v1/statuses' }, response: { status: 200, body: status('2') } },
      { match: { method: 'POST', path: '/api/v1/statuses' }, response: { status: 200, body: status('3') } },
    ]);
    await mastodon.publish(ctx(), post({ scheduledAt: soon }));
    await mastodon.publish(ctx(), post({ scheduledAt: later, replyTo: { parent: { id: '2' }, root: { id: '2' } } }));
    expect(bodyOf(0)).not.toHaveProperty('scheduled_at');
    expect(bodyOf(1)).toEqual({ status: 'Autumn roastery tour on Saturday', in_reply_to_id: '2' });
  });

  it('schedules just past the 5-minute minimum rather than be refused at the boundary', () => {
    const now = Date.UTC(2026, 10, 23, 12);
    expect(nativeScheduleAt(new Date(now + NATIVE_MIN_LEAD_MS - 1), now)).toBeNull();
    expect(nativeScheduleAt(new Date(now + NATIVE_MIN_LEAD_MS), now)?.getTime()).toBe(now + NATIVE_MIN_LEAD_MS + 30_000);
    expect(nativeScheduleAt(new Date(now + 3_600_000), now)?.getTime()).toBe(now + 3_600_000);
  });

  it('refuses to answer a post that is still scheduled, without calling the instance', async () => {
    serve(server, []);
    const err = await failure(mastodon.publish(ctx(), post({ replyTo: { parent: { id: 'scheduled:3221' }, root: { id: 'scheduled:3221' } } })));
    expect(err).toMatchObject({ kind: 'rejected' });
    expect(server.received).toHaveLength(0);
  });

  it('finds a natively scheduled post by its idempotency key, and nothing else', async () => {
    serve(server, [
      { match: { method: 'GET', path: '/api/v1/scheduled_statuses' }, response: { status: 200, body: [{ ...scheduled, id: '3220', params: { ...scheduled.params, idempotency: 'other' } }, scheduled] } },
      { match: { method: 'GET', path: '/api/v1/scheduled_statuses' }, response: { status: 200, body: [] } },
    ]);
    expect(await mastodon.findPublished(ctx(), 'key-sched', new Date())).toMatchObject({ id: 'scheduled:3221' });
    expect(await mastodon.findPublished(ctx(), 'never-sent', new Date())).toBeNull();
  });
});

describe('media', () => {
  const png: MediaInput = { bytes: new Uint8Array([137, 80, 78, 71]), mimeType: 'image/png', altText: 'Alt words' };
  const mp4: MediaInput = { bytes: new Uint8Array([0, 0, 0, 32]), mimeType: 'video/mp4', altText: '' };
  const saved = { ...mediaPolling };
  beforeEach(() => {
    Object.assign(mediaPolling, { firstDelayMs: 1, maxDelayMs: 5, maxWaitMs: 2000 });
    return () => void Object.assign(mediaPolling, saved);
  });
  const processing = () => ({ ...recordedBody('publish_video', 0) });
  const processed = () => ({ ...recordedBody('publish_video', 2) });

  it('waits through 202, 404, 206 with a body and an empty 206 until the url is there', async () => {
    serve(server, [
      { match: { method: 'POST', path: '/api/v2/media' }, response: { status: 202, body: processing() } },
      { match: { method: 'GET', path: '/api/v1/media/22546306' }, response: { status: 404, body: { error: 'Record not found' } } },
      { match: { method: 'GET', path: '/api/v1/media/22546306' }, response: { status: 206, body: processing() } },
      { match: { method: 'GET', path: '/api/v1/media/22546306' }, response: { status: 206 } },
      { match: { method: 'GET', path: '/api/v1/media/22546306' }, response: { status: 200, body: processed() } },
      { match: { method: 'POST', path: '/api/v1/statuses', bodyIncludes: ['"media_ids":["22546306"]'] }, response: { status: 200, body: status('4') } },
    ]);
    await mastodon.publish(ctx(), post({ media: [mp4] }));
    expect(server.received.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/v2/media', ...Array(4).fill('GET /api/v1/media/22546306'), 'POST /api/v1/statuses']);
    expect(server.received[0]!.body).not.toContain('name="description"');
  });

  it('does not poll an upload that was processed at once, and sends alt text as description', async () => {
    serve(server, [
      { match: { method: 'POST', path: '/api/v2/media', bodyIncludes: ['name="description"', 'Alt words', 'filename="upload-1.png"', 'Content-Type: image/png'] }, response: { status: 200, body: recordedBody('publish_image', 0) } },
      { match: { method: 'POST', path: '/api/v1/statuses' }, response: { status: 200, body: status('5') } },
    ]);
    await mastodon.publish(ctx(), post({ media: [png] }));
    expect(server.unexpected()).toEqual([]);
    expect(server.received).toHaveLength(2);
  });

  it('gives up as transient when processing outlasts the bound, without posting', async () => {
    Object.assign(mediaPolling, { maxWaitMs: 50 });
    serve(server, [
      { match: { method: 'POST', path: '/api/v2/media' }, response: { status: 202, body: processing() } },
      { match: { method: 'GET', path: '/api/v1/media/22546306' }, response: { status: 206 }, repeat: true },
    ]);
    const err = await failure(mastodon.publish(ctx(), post({ media: [mp4] })));
    expect(err).toMatchObject({ kind: 'transient' });
    expect(err?.message).toMatch(/still processing media 22546306/);
    expect(server.received.some((r) => r.path === '/api/v1/statuses')).toBe(false);
  });

  it('passes a refused upload on verbatim', async () => {
    serve(server, [{ match: { method: 'POST', path: '/api/v2/media' }, response: { status: 422, body: { error: 'Validation failed: File content type is invalid, File is invalid' } } }]);
    const err = await failure(mastodon.publish(ctx(), post({ media: [png] })));
    expect(err).toMatchObject({ kind: 'rejected', message: 'Validation failed: File content type is invalid, File is invalid' });
  });
});

describe('delete', () => {
  it('cancels a natively scheduled post, and treats a status already gone as deleted', async () => {
    serve(server, [
      { match: { method: 'DELETE', path: '/api/v1/scheduled_statuses/3221' }, response: { status: 200, body: {} } },
      { match: { method: 'DELETE', path: '/api/v1/statuses/9' }, response: { status: 404, body: { error: 'Record not found' } } },
    ]);
    await mastodon.delete(ctx(), { id: 'scheduled:3221', meta: { scheduled: 'true' } });
    await mastodon.delete(ctx(), { id: '9' });
    expect(server.unused()).toEqual([]);
  });

  it('explains a scheduled post that is no longer scheduled', async () => {
    serve(server, [{ match: { method: 'DELETE', path: '/api/v1/scheduled_statuses/3221' }, response: { status: 404, body: { error: 'Record not found' } } }]);
    const err = await failure(mastodon.delete(ctx(), { id: 'scheduled:3221' }));
    expect(err).toMatchObject({ kind: 'rejected' });
    expect(err?.message).toMatch(/published or cancelled/);
  });
});
