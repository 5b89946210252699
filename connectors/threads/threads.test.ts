import { describe, expect, it } from 'vitest';
import { GRAPH_TRANSIENT as TRANSIENT, graphTestHost } from '../meta/testing';
import type { MediaInput } from '../types';
import { threadsConnector as threads } from './index';

/** Threads edge cases: quota, containers, idempotency (Graph error shapes: meta/graph.test.ts). */
const UID = '17841400000000001';
const at = new Date('2026-11-23T09:00:00Z');
const host = graphTestHost({ version: 'v1.0', source: 'developers.facebook.com/documentation/threads, v1.0', auth: { accessToken: 'secret-threads-token', userId: UID, username: 'caffeaurora' } });
const { server, play, ex, failure, allAnswered } = host;
const quota = (used = 4, replies = 1) => ex('GET', `${UID}/threads_publishing_limit`, 200, { data: [{ quota_usage: used, config: { quota_total: 250, quota_duration: 86400 }, reply_quota_usage: replies, reply_config: { quota_total: 1000, quota_duration: 86400 } }] });
const status = (id: string, s: string, error_message?: string) => ex('GET', id, 200, { status: s, id, ...(error_message ? { error_message } : {}) }, { query: { fields: 'status,error_message' } });
const post = (text: string, key: string, media: MediaInput[] = []) => threads.publish(host.ctx, { text, media, idempotencyKey: key, scheduledAt: at });

describe('Threads over the network', () => {
  it('an unreachable network is transient and the message carries no token', async () => {
    const e = await failure(threads.publish({ ...host.ctx, baseUrl: 'http://127.0.0.1:9' }, { text: 'hi', media: [], idempotencyKey: 'down', scheduledAt: at }));
    expect(e?.kind).toBe('transient');
    expect(e?.message).not.toContain('secret-threads-token');
  });
});

describe('Threads publishing', () => {
  it('a spent quota is rate_limited before any container is made', async () => {
    play([quota(250)]);
    const e = await failure(post('hi', 'q1'));
    expect(e).toMatchObject({ kind: 'rate_limited', message: 'Threads allows 250 posts per 24 hours and 250 were published; it will be tried again later.' });
    expect(e!.opts.retryAfter!.getTime()).toBeGreaterThan(Date.now() + 3_000_000);
    allAnswered();
    play([quota(3, 1000)]);
    const r = await failure(threads.reply!(host.ctx, { id: '1', kind: 'reply' }, { text: 'hi', idempotencyKey: 'q2' }));
    expect(r?.kind).toBe('rate_limited');
  });

  it('media without a public address is refused with an explanation, before any call', async () => {
    play([]);
    const e = await failure(post('pic', 'nourl', [{ bytes: new Uint8Array(4), mimeType: 'image/png', altText: '' }]));
    expect(e?.kind).toBe('rejected');
    expect(e?.message).toMatch(/public address/);
    expect(server.received).toEqual([]);
  });

  it('a container Threads could not process is rejected with its reason', async () => {
    play([quota(), ex('POST', `${UID}/threads`, 200, { id: 'c-err' }), status('c-err', 'IN_PROGRESS'), status('c-err', 'ERROR', 'FAILED_DOWNLOADING_VIDEO')]);
    const e = await failure(post('clip', 'err1', [{ bytes: new Uint8Array(4), mimeType: 'video/mp4', altText: '', publicUrl: 'https://media.example/v.mp4' }]));
    expect(e).toMatchObject({ kind: 'rejected', message: 'Threads could not process the media: FAILED_DOWNLOADING_VIDEO' });
    allAnswered();
  });

  it('a retry resumes on the container it made instead of making another', async () => {
    play([quota(), ex('POST', `${UID}/threads`, 200, { id: 'c-1' }), status('c-1', 'FINISHED'), ex('POST', `${UID}/threads_publish`, 500, TRANSIENT)]);
    expect((await failure(post('Once only', 'retry-1')))?.kind).toBe('transient');
    allAnswered();
    play([status('c-1', 'FINISHED'), ex('POST', `${UID}/threads_publish`, 200, { id: 'm-1' }, { bodyIncludes: ['c-1'] }), ex('GET', 'm-1', 200, { permalink: 'https://www.threads.net/@caffeaurora/post/X1', id: 'm-1' })]);
    expect(await post('Once only', 'retry-1')).toEqual({ id: 'm-1', url: 'https://www.threads.net/@caffeaurora/post/X1' });
    allAnswered();
  });

  it('a retry after a lost answer finds the published post instead of posting twice; findPublished does too', async () => {
    play([quota(), ex('POST', `${UID}/threads`, 200, { id: 'c-2' }), status('c-2', 'FINISHED'), ex('POST', `${UID}/threads_publish`, 500, TRANSIENT)]);
    await failure(post('Lost answer', 'lost-1'));
    const mine = ex('GET', `${UID}/threads`, 200, { data: [{ id: 'm-2', text: 'Lost answer', timestamp: '2026-11-23T09:00:05+0000', permalink: 'https://www.threads.net/@caffeaurora/post/X2' }] }, { query: { fields: 'id,text,timestamp,permalink' } });
    play([status('c-2', 'PUBLISHED'), mine]);
    expect(await post('Lost answer', 'lost-1')).toEqual({ id: 'm-2', url: 'https://www.threads.net/@caffeaurora/post/X2' });
    allAnswered();
    play([mine]);
    expect(await threads.findPublished(host.ctx, 'lost-1', at)).toMatchObject({ id: 'm-2' });
    play([]);
    expect(await threads.findPublished(host.ctx, 'never-sent', at)).toBeNull();
    expect(server.received).toEqual([]);
  });

  it('several media make a carousel of item containers', async () => {
    const m = (n: number): MediaInput => ({ bytes: new Uint8Array(4), mimeType: 'image/jpeg', altText: `photo ${n}`, publicUrl: `https://media.example/${n}.jpg` });
    play([
      quota(),
      ex('POST', `${UID}/threads`, 200, { id: 'i-1' }, { bodyIncludes: ['is_carousel_item', 'https://media.example/1.jpg'] }),
      status('i-1', 'FINISHED'),
      ex('POST', `${UID}/threads`, 200, { id: 'i-2' }, { bodyIncludes: ['is_carousel_item', 'https://media.example/2.jpg'] }),
      status('i-2', 'FINISHED'),
      ex('POST', `${UID}/threads`, 200, { id: 'c-3' }, { bodyIncludes: ['CAROUSEL', 'i-1,i-2', 'Two photos'] }),
      status('c-3', 'FINISHED'),
      ex('POST', `${UID}/threads_publish`, 200, { id: 'm-3' }),
      ex('GET', 'm-3', 200, { id: 'm-3' }),
    ]);
    expect(await post('Two photos', 'carousel-1', [m(1), m(2)])).toEqual({ id: 'm-3', url: undefined });
    allAnswered();
  });

  it('the reply-control option reaches the container', async () => {
    play([quota(), ex('POST', `${UID}/threads`, 200, { id: 'c-4' }, { bodyIncludes: ['reply_control', 'followers_only'] }), status('c-4', 'FINISHED'), ex('POST', `${UID}/threads_publish`, 200, { id: 'm-4' }), ex('GET', 'm-4', 200, { id: 'm-4' })]);
    await threads.publish(host.ctx, { text: 'Followers only', media: [], idempotencyKey: 'rc', scheduledAt: at, options: { replyControl: 'followers_only' } });
    allAnswered();
  });
});

describe('Threads sign-in', () => {
  it('an expired long-lived token cannot be refreshed: auth_expired', async () => {
    server.load({ source: 'long-lived tokens', exchanges: [{ match: { method: 'GET', path: '/refresh_access_token' }, response: { status: 400, body: { error: { message: 'Error validating access token: Session has expired on Sunday, 22-Nov-26 09:00:00 PST.', type: 'OAuthException', code: 190, error_subcode: 463, fbtrace_id: 'AbC' } } } }] });
    expect(await failure(threads.refreshAuth!(host.ctx))).toMatchObject({ kind: 'auth_expired' });
  });
});
