import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyGraph } from '../meta/graph';
import { GRAPH_TRANSIENT as TRANSIENT, graphTestHost } from '../meta/testing';
import { readRecording } from '../test/fixtureServer';
import type { MediaInput } from '../types';
import { instagramConnector as ig } from './index';

/** Instagram edge cases: content-publishing errors, quota, containers, idempotency, comments. */
const UID = '17841405822304914';
const at = new Date('2026-11-23T09:00:00Z');
const host = graphTestHost({ version: 'v24.0', source: 'developers.facebook.com/documentation/instagram-platform, v24.0', auth: { accessToken: 'secret-ig-token', userId: UID, username: 'caffeaurora' } });
const { server, play, ex, failure, allAnswered } = host;
const quota = (used = 2) => ex('GET', `${UID}/content_publishing_limit`, 200, { data: [{ quota_usage: used, config: { quota_total: 50, quota_duration: 86400 } }] });
const status = (id: string, code: string, text?: string) => ex('GET', id, 200, { status_code: code, ...(text ? { status: text } : {}), id }, { query: { fields: 'status_code,status' } });
const jpg = (n = 1): MediaInput => ({ bytes: new Uint8Array(4), mimeType: 'image/jpeg', altText: `photo ${n}`, publicUrl: `https://media.example/${n}.jpg` });
const mp4: MediaInput = { bytes: new Uint8Array(4), mimeType: 'video/mp4', altText: '', publicUrl: 'https://media.example/clip.mp4' };
const post = (text: string, key: string, media: MediaInput[] = [jpg()]) => ig.publish(host.ctx, { text, media, idempotencyKey: key, scheduledAt: at });

describe('Instagram refuses up front what it cannot post', () => {
  it('text only, media without a public address, too long a caption, a delete: each with a clear message, no call', async () => {
    play([]);
    expect(await failure(post('Just words', 'k1', []))).toMatchObject({ kind: 'rejected', message: 'Instagram has no text-only posts: add at least one image or video.' });
    expect((await failure(post('pic', 'k2', [{ ...jpg(), publicUrl: undefined }])))?.message).toMatch(/public address/);
    expect(await failure(post('x'.repeat(2201), 'k3'))).toMatchObject({ kind: 'rejected', message: 'The caption is 2201 of 2200 characters on Instagram.' });
    expect(await failure(post('gif', 'k4', [{ ...jpg(), mimeType: 'image/gif' }]))).toMatchObject({ kind: 'rejected' });
    expect(await failure(post('eleven', 'k5', Array.from({ length: 11 }, (_, i) => jpg(i))))).toMatchObject({ kind: 'rejected' });
    expect(await failure(ig.delete(host.ctx, { id: '1' }))).toMatchObject({ kind: 'rejected' });
    expect(server.received).toEqual([]);
  });
});

describe('Instagram publishing', () => {
  it('a spent content_publishing_limit is rate_limited before any container', async () => {
    play([quota(50)]);
    const e = await failure(post('hi', 'q'));
    expect(e).toMatchObject({ kind: 'rate_limited', message: 'Instagram allows 50 posts through the API per 24 hours and 50 were published; it will be tried again later.' });
    expect(e!.opts.retryAfter!.getTime()).toBeGreaterThan(Date.now() + 3_000_000);
    allAnswered();
  });

  it("the recorded throttle's business use case estimate sets retry-after (subcodes: meta/graph.test.ts)", async () => {
    const now = Date.parse('2026-11-23T09:00:00Z');
    const rec = readRecording(fileURLToPath(new URL('./recordings', import.meta.url)), 'error_rate_limited')!;
    const headers = new Headers(rec.exchanges[1]!.response.headers);
    expect(classifyGraph(400, { message: 'throttled', code: 80002 }, headers, now).opts.retryAfter?.getTime()).toBe(now + 14 * 60_000);
  });

  it('a container Instagram could not process is rejected with its words', async () => {
    play([quota(), ex('POST', `${UID}/media`, 200, { id: 'c-err' }), status('c-err', 'ERROR', 'Error: Media download has failed. The media URI doesn\'t meet our requirements.')]);
    const e = await failure(post('broken', 'err'));
    expect(e).toMatchObject({ kind: 'rejected', message: "Instagram could not process the media: Error: Media download has failed. The media URI doesn't meet our requirements." });
  });

  it('a retry resumes on its container; after a lost answer it finds the post by caption, and so does findPublished', async () => {
    play([quota(), ex('POST', `${UID}/media`, 200, { id: 'c-1' }), status('c-1', 'FINISHED'), ex('POST', `${UID}/media_publish`, 500, TRANSIENT)]);
    expect((await failure(post('Autumn tour', 'lost')))?.kind).toBe('transient');
    play([status('c-1', 'FINISHED'), ex('POST', `${UID}/media_publish`, 200, { id: 'm-1' }, { bodyIncludes: ['c-1'] }), ex('GET', 'm-1', 200, { permalink: 'https://www.instagram.com/p/X1/', id: 'm-1' })]);
    expect(await post('Autumn tour', 'lost')).toEqual({ id: 'm-1', url: 'https://www.instagram.com/p/X1/' });
    allAnswered();
    const mine = ex('GET', `${UID}/media`, 200, { data: [{ id: 'm-1', caption: 'Autumn tour', timestamp: '2026-11-23T09:00:04+0000', permalink: 'https://www.instagram.com/p/X1/' }] }, { query: { fields: 'id,caption,timestamp,permalink' } });
    play([status('c-1', 'PUBLISHED'), mine]);
    expect(await post('Autumn tour', 'lost')).toMatchObject({ id: 'm-1' });
    play([mine]);
    expect(await ig.findPublished(host.ctx, 'lost', at)).toMatchObject({ id: 'm-1' });
    play([]);
    expect(await ig.findPublished(host.ctx, 'never', at)).toBeNull();
    expect(server.received).toEqual([]);
  });

  it('a carousel: image and video items, then the CAROUSEL container with the caption', async () => {
    play([
      quota(),
      ex('POST', `${UID}/media`, 200, { id: 'i-1' }, { bodyIncludes: ['is_carousel_item', 'https://media.example/1.jpg', 'photo 1'] }),
      status('i-1', 'FINISHED'),
      ex('POST', `${UID}/media`, 200, { id: 'i-2' }, { bodyIncludes: ['is_carousel_item', 'VIDEO', 'https://media.example/clip.mp4'] }),
      status('i-2', 'IN_PROGRESS'),
      status('i-2', 'FINISHED'),
      ex('POST', `${UID}/media`, 200, { id: 'c-3' }, { bodyIncludes: ['CAROUSEL', 'i-1,i-2', 'Two views'] }),
      status('c-3', 'FINISHED'),
      ex('POST', `${UID}/media_publish`, 200, { id: 'm-3' }),
      ex('GET', 'm-3', 200, { permalink: 'https://www.instagram.com/p/X3/', id: 'm-3' }),
    ]);
    expect(await post('Two views', 'carousel', [jpg(1), mp4])).toEqual({ id: 'm-3', url: 'https://www.instagram.com/p/X3/' });
    allAnswered();
  });
});

describe('Instagram comments', () => {
  it('top-level comments and replies, our own left out, the cursor moved to the newest', async () => {
    const rec = readRecording(fileURLToPath(new URL('./recordings', import.meta.url)), 'pull_inbound')!;
    server.load(rec);
    const { items, cursor } = await ig.pullInbound!(host.ctx, rec.input as { cursor: string });
    expect(items.map((i) => [i.networkId, i.kind, i.parentId, i.author.handle])).toEqual([
      ['17858893269000001', 'comment', '17920238422030506', 'giulia_beans'],
      ['17858893269000003', 'reply', '17858893269000001', 'romaeats'],
    ]);
    expect(cursor).toBe('2026-11-23T10:25:00.000Z');
  });

  it('an answer to a reply goes to its top-level comment, once per key', async () => {
    play([ex('POST', '17858893269000001/replies', 200, { id: 'r-1' }, { bodyIncludes: ['Grazie'] })]);
    const to = { id: '17858893269000003', kind: 'reply' as const, meta: { parentId: '17858893269000001' } };
    expect(await ig.reply!(host.ctx, to, { text: 'Grazie!', idempotencyKey: 'reply-1' })).toEqual({ id: 'r-1' });
    allAnswered();
    play([]);
    expect(await ig.reply!(host.ctx, to, { text: 'Grazie!', idempotencyKey: 'reply-1' })).toEqual({ id: 'r-1' });
    expect(server.received).toEqual([]);
  });
});
