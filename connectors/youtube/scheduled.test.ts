import { describe, expect, it } from 'vitest';
import { oauthTestHost } from '../oauth/testing';
import type { RecordedExchange } from '../test/fixtureServer';
import type { ChannelAuth, PublishInput } from '../types';
import { youtubeConnector as yt } from './index';

/**
 * Videos handed over to YouTube (uploaded ahead of their time), against the documented shapes:
 * videos.list part=status (privacyStatus, publishAt, uploadStatus, rejectionReason), videos.update
 * part=status, videos.delete (204), and the resumable upload.
 */
const AUTH: ChannelAuth = { accessToken: 'tok', refreshToken: 'ref', expiresAt: '2099-01-01T00:00:00Z', channelId: 'UCme', uploadsPlaylistId: 'UUme' };
const { server, on, fail } = oauthTestHost({ source: 'edge cases in the shapes of https://developers.google.com/youtube/v3/docs/videos', auth: AUTH, app: { clientId: 'cid', clientSecret: 'sec' } });
const ID = 'dQ9rAur0ra1';
const held = (meta: Record<string, string> = { publishAt: '2026-11-23T09:00:00Z' }) => ({ id: ID, url: `https://www.youtube.com/watch?v=${ID}`, meta: { scheduled: 'true', ...meta } });
const input = { text: 'Roast day', idempotencyKey: 't:0', scheduledAt: new Date(Date.now() - 3 * 60_000) };
const list = (status?: Record<string, unknown>): RecordedExchange => ({ match: { method: 'GET', path: '/youtube/v3/videos', query: { part: 'status', id: ID } }, response: { status: 200, body: { kind: 'youtube#videoListResponse', items: status ? [{ kind: 'youtube#video', id: ID, status }] : [] } } });
const base = { uploadStatus: 'processed', license: 'youtube', embeddable: true, publicStatsViewable: true, madeForKids: false, selfDeclaredMadeForKids: false };
const calls = () => server.received.map((r) => `${r.method} ${r.path}`);

describe('YouTube confirmScheduled', () => {
  it('still private with publishAt: scheduled; public: published, without the scheduled mark', async () => {
    expect(await yt.confirmScheduled!(on([list({ ...base, privacyStatus: 'private', publishAt: '2026-11-23T09:00:00Z' })]), held(), input)).toEqual({ state: 'scheduled' });
    expect(await yt.confirmScheduled!(on([list({ ...base, privacyStatus: 'public' })]), held(), input)).toEqual({ state: 'published', ref: { id: ID, url: `https://www.youtube.com/watch?v=${ID}` } });
  });

  it('a video gone from YouTube, or rejected by it, failed (with YouTube’s reason)', async () => {
    expect(await yt.confirmScheduled!(on([list()]), held(), input)).toMatchObject({ state: 'failed', reason: expect.stringContaining('no longer on YouTube') });
    expect(await yt.confirmScheduled!(on([list({ ...base, uploadStatus: 'rejected', rejectionReason: 'duplicate', privacyStatus: 'private', publishAt: '2026-11-23T09:00:00Z' })]), held(), input)).toMatchObject({ state: 'failed', reason: expect.stringContaining('duplicate') });
  });

  it('an unlisted post held private is made unlisted at its time, keeping the other status fields', async () => {
    const ctx = on([list({ ...base, privacyStatus: 'private' }), { match: { method: 'PUT', path: '/youtube/v3/videos', query: { part: 'status' }, bodyIncludes: ['"privacyStatus":"unlisted"', '"selfDeclaredMadeForKids":false', '"embeddable":true'] }, response: { status: 200, body: { id: ID, status: { ...base, privacyStatus: 'unlisted' } } } }]);
    expect(await yt.confirmScheduled!(ctx, held({ privacy: 'unlisted' }), input)).toMatchObject({ state: 'published', ref: { id: ID } });
    expect(server.unused()).toEqual([]);
    const sent = JSON.parse(server.received[1]!.body) as { status: Record<string, unknown> };
    expect(sent.status).not.toHaveProperty('uploadStatus');
    expect(sent.status).not.toHaveProperty('publishAt');
  });

  it('a private post held private is published as it is; a schedule removed on YouTube is unknown', async () => {
    expect((await yt.confirmScheduled!(on([list({ ...base, privacyStatus: 'private' })]), held({ privacy: 'private' }), input)).state).toBe('published');
    expect(calls()).toEqual(['GET /youtube/v3/videos']);
    expect((await yt.confirmScheduled!(on([list({ ...base, privacyStatus: 'private' })]), held(), input)).state).toBe('unknown');
  });

  it('the quota running out is a rate limit (the publisher looks again after it resets)', async () => {
    const ctx = on([{ match: { method: 'GET', path: '/youtube/v3/videos' }, response: { status: 403, body: { error: { code: 403, message: 'The request cannot be completed because you have exceeded your quota.', errors: [{ reason: 'quotaExceeded', domain: 'youtube.quota' }] } } } }]);
    expect(await fail(yt.confirmScheduled!(ctx, held(), input))).toMatchObject({ kind: 'rate_limited' });
  });
});

describe('YouTube withdrawing a handed-over video (cancel, edit)', () => {
  const del: RecordedExchange = { match: { method: 'DELETE', path: '/youtube/v3/videos', query: { id: ID } }, response: { status: 204 } };

  it('still private: deleted (it was never visible)', async () => {
    await yt.delete(on([list({ ...base, privacyStatus: 'private', publishAt: '2026-11-23T09:00:00Z' }), del]), held());
    expect(calls()).toEqual(['GET /youtube/v3/videos', 'DELETE /youtube/v3/videos']);
  });

  it('already visible: refused with what to do, nothing deleted; already gone: withdrawn', async () => {
    expect(await fail(yt.delete(on([list({ ...base, privacyStatus: 'public' })]), held()))).toMatchObject({ kind: 'rejected', message: expect.stringContaining('already public') });
    expect(calls()).toEqual(['GET /youtube/v3/videos']);
    await expect(yt.delete(on([list()]), held())).resolves.toBeUndefined();
  });
});

describe('YouTube handover: uploads ahead of time', () => {
  const clip = { bytes: new Uint8Array([0, 0, 0, 32]), mimeType: 'video/mp4', altText: '' };
  const upload = (bodyIncludes: string[], status: Record<string, unknown>): RecordedExchange[] => [
    { match: { method: 'POST', path: '/upload/youtube/v3/videos', bodyIncludes }, response: { status: 200, headers: { location: `${server.url}/upload/youtube/v3/videos?uploadType=resumable&upload_id=U1` } } },
    { match: { method: 'PUT', path: '/upload/youtube/v3/videos', query: { upload_id: 'U1' } }, response: { status: 201, body: { id: ID, status } } },
  ];
  const lead = yt.capabilities.nativeSchedulingWindow!.minLeadSeconds * 1000 + 5 * 60_000;
  const post = (options: PublishInput['options']): PublishInput => ({ text: 'Roast day', media: [clip], idempotencyKey: 'k', scheduledAt: new Date(Date.now() + lead), options });

  it('a public video goes private with publishAt and comes back held', async () => {
    const p = post({ privacy: 'public' });
    const ref = await yt.publish(on(upload(['"privacyStatus":"private"', `"publishAt":"${p.scheduledAt.toISOString()}"`], { privacyStatus: 'private', publishAt: p.scheduledAt.toISOString() })), p);
    expect(ref.meta).toEqual({ scheduled: 'true', publishAt: p.scheduledAt.toISOString() });
  });

  it('an unlisted video is uploaded private, without publishAt (which always ends public), and held for its visibility', async () => {
    const ref = await yt.publish(on(upload(['"privacyStatus":"private"'], { privacyStatus: 'private' })), post({ privacy: 'unlisted' }));
    expect(ref.meta).toEqual({ scheduled: 'true', privacy: 'unlisted' });
    expect(server.received[0]!.body).not.toContain('publishAt');
  });
});
