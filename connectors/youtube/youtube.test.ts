import { describe, expect, it } from 'vitest';
import { oauthTestHost } from '../oauth/testing';
import type { RecordedExchange } from '../test/fixtureServer';
import type { ChannelAuth, PublishInput } from '../types';
import { classifyGoogle, nextPacificMidnight } from './errors';
import { youtubeConnector as yt } from './index';
import { videoResource } from './publish';
import { sessionUrl } from './upload';


const AUTH: ChannelAuth = { accessToken: 'tok', refreshToken: 'ref', expiresAt: '2099-01-01T00:00:00Z', channelId: 'UCme', uploadsPlaylistId: 'UUme' };
const APP = { clientId: 'cid', clientSecret: 'sec' };
const { server, on, fail } = oauthTestHost({ source: 'edge cases in the shapes of https://developers.google.com/youtube/v3/docs', auth: AUTH, app: APP });
const clip = { bytes: new Uint8Array([0, 0, 0, 32]), mimeType: 'video/mp4', altText: '' };
const post = (text: string, extra: Partial<PublishInput> = {}): PublishInput => ({ text, media: [clip], idempotencyKey: 'k', scheduledAt: new Date(), ...extra });
const googleError = (code: number, reason: string, message: string, domain = 'youtube.video') => ({ error: { code, message, errors: [{ message, domain, reason }] } });

describe('YouTube: what a post must be', () => {
  it('refuses a text alone, two files, a long title, "<" and a long description — before any call', async () => {
    const ctx = on([]);
    expect(await fail(yt.publish(ctx, post('Hello', { media: [] })))).toMatchObject({ kind: 'rejected', message: expect.stringContaining('attach one video') });
    expect(await fail(yt.publish(ctx, post('Hello', { media: [clip, clip] })))).toMatchObject({ kind: 'rejected' });
    expect(await fail(yt.publish(ctx, post('t'.repeat(101))))).toMatchObject({ kind: 'rejected', message: expect.stringContaining('100') });
    expect(await fail(yt.publish(ctx, post('Best <beans>')))).toMatchObject({ kind: 'rejected', message: expect.stringContaining('<') });
    expect(await fail(yt.publish(ctx, post(`Title\n${'é'.repeat(2501)}`)))).toMatchObject({ kind: 'rejected', message: expect.stringContaining('5002 bytes') });
    expect(await fail(yt.publish(ctx, post('Hi', { media: [{ ...clip, mimeType: 'video/x-flv' }] })))).toMatchObject({ kind: 'rejected' });
    expect(server.received).toHaveLength(0);
  });

  it('a public video due later is uploaded private with publishAt; unlisted due later is held private without it; soon is not scheduled', () => {
    const now = Date.parse('2026-11-23T08:00:00Z');
    const later = new Date('2026-11-23T09:00:00Z');
    expect(videoResource(post('Roast day\nNew beans', { scheduledAt: later }), now)).toEqual({
      snippet: { title: 'Roast day', description: 'New beans' },
      status: { privacyStatus: 'private', publishAt: '2026-11-23T09:00:00.000Z', selfDeclaredMadeForKids: false },
    });
    expect(videoResource(post('x', { scheduledAt: new Date(now + 60_000) }), now).status).toEqual({ privacyStatus: 'public', selfDeclaredMadeForKids: false });
    expect(videoResource(post('x', { scheduledAt: later, options: { privacy: 'unlisted', madeForKids: true } }), now).status).toEqual({ privacyStatus: 'private', selfDeclaredMadeForKids: true });
    expect(videoResource(post('x', { scheduledAt: new Date(now + 60_000), options: { privacy: 'unlisted' } }), now).status).toEqual({ privacyStatus: 'unlisted', selfDeclaredMadeForKids: false });
  });
});

describe('YouTube: errors', () => {
  it('the quota resets at midnight Pacific, also across daylight-saving changes', () => {
    expect(nextPacificMidnight(new Date('2026-01-15T20:00:00Z')).toISOString()).toBe('2026-01-16T08:00:00.000Z');
    expect(nextPacificMidnight(new Date('2026-07-01T06:30:00Z')).toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(nextPacificMidnight(new Date('2026-03-08T09:00:00Z')).toISOString()).toBe('2026-03-09T07:00:00.000Z');
    expect(nextPacificMidnight(new Date('2026-11-01T08:30:00Z')).toISOString()).toBe('2026-11-02T08:00:00.000Z');
  });

  it('classifies Google error bodies by reason, keeping the message verbatim', () => {
    const now = new Date('2026-01-15T20:00:00Z');
    const upload = classifyGoogle(400, googleError(400, 'uploadLimitExceeded', 'The user has exceeded the number of videos they may upload.'), now);
    expect(upload).toMatchObject({ kind: 'rate_limited', message: 'The user has exceeded the number of videos they may upload.', opts: { retryAfter: new Date('2026-01-16T20:00:00Z') } });
    expect(classifyGoogle(403, googleError(403, 'rateLimitExceeded', 'Too many requests', 'usageLimits'), now)).toMatchObject({ kind: 'rate_limited', opts: { retryAfter: new Date(now.getTime() + 60_000) } });
    expect(classifyGoogle(403, googleError(403, 'quotaExceeded', 'q', 'youtube.quota'), now).opts.retryAfter).toEqual(new Date('2026-01-16T08:00:00Z'));
    expect(classifyGoogle(403, googleError(403, 'forbidden', 'Access forbidden.'), now)).toMatchObject({ kind: 'rejected', message: 'Access forbidden.' });
    expect(classifyGoogle(500, googleError(500, 'internalError', 'oops', 'global'), now).kind).toBe('transient');
    expect(classifyGoogle(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }, now)).toMatchObject({ kind: 'auth_expired', message: 'Token has been expired or revoked.' });
  });

  it('a failure while sending the bytes is classified; an unreachable network is transient', async () => {
    const ctx = on([
      { match: { method: 'POST', path: '/upload/youtube/v3/videos' }, response: { status: 200, headers: { location: 'https://www.googleapis.com/upload/youtube/v3/videos?uploadType=resumable&upload_id=U1' } } },
      { match: { method: 'PUT', path: '/upload/youtube/v3/videos', query: { upload_id: 'U1' } }, response: { status: 503, body: googleError(503, 'backendError', 'Backend Error', 'global') } },
    ]);
    expect(await fail(yt.publish(ctx, post('Hi')))).toMatchObject({ kind: 'transient', message: 'Backend Error' });
    expect(server.received[1]!.headers['content-type']).toBe('video/mp4');
    expect(server.received[0]!.headers['x-upload-content-length']).toBe('4');
    expect(await fail(yt.publish({ auth: AUTH, baseUrl: 'http://127.0.0.1:9', onAuthRefreshed: async () => {} }, post('Hi')))).toMatchObject({ kind: 'transient' });
  });

  it('the upload session is asked of the base address when there is one', () => {
    const loc = 'https://www.googleapis.com/upload/youtube/v3/videos?uploadType=resumable&upload_id=X';
    expect(sessionUrl(loc, { auth: {}, baseUrl: 'http://127.0.0.1:5000', onAuthRefreshed: async () => {} })).toBe('http://127.0.0.1:5000/upload/youtube/v3/videos?uploadType=resumable&upload_id=X');
    expect(sessionUrl(loc, { auth: {}, onAuthRefreshed: async () => {} })).toBe(loc);
  });
});

describe('YouTube: tokens, reconciliation, comments, counters', () => {
  it('refreshes an access token about to expire, reports it once and uses it', async () => {
    const ctx = on(
      [
        { match: { method: 'POST', path: '/token', bodyIncludes: ['grant_type=refresh_token', 'refresh_token=ref', 'client_secret=sec'] }, response: { status: 200, body: { access_token: 'ya29.new', expires_in: 3599, token_type: 'Bearer' } } },
        { match: { method: 'DELETE', path: '/youtube/v3/videos' }, response: { status: 204 } },
      ],
      { ...AUTH, expiresAt: new Date(Date.now() + 5_000).toISOString() },
    );
    await yt.delete(ctx, { id: 'abcdefghijk' });
    expect(ctx.refreshed).toEqual([expect.objectContaining({ accessToken: 'ya29.new', refreshToken: 'ref', channelId: 'UCme' })]);
    expect(server.received[1]!.headers.authorization).toBe('Bearer ya29.new');
  });

  it("a refresh without the server's OAuth app is auth_expired, naming what to configure, before any call", async () => {
    const ctx = { ...on([]), oauthClient: undefined };
    expect(await fail(yt.refreshAuth!(ctx))).toMatchObject({ kind: 'auth_expired', message: expect.stringContaining('OAUTH_YOUTUBE_CLIENT_ID and OAUTH_YOUTUBE_CLIENT_SECRET') });
    expect(server.received).toHaveLength(0);
  });

  it('findPublished: the upload scheduled for exactly that time (still held: marked scheduled), else the earliest since it, else null', async () => {
    const at = new Date('2026-11-23T09:00:00Z');
    const video = (id: string, publishedAt: string, publishAt?: string) => ({ id, snippet: { publishedAt }, status: { privacyStatus: publishAt ? 'private' : 'public', ...(publishAt && { publishAt }) } });
    const uploads = { status: 200, body: { items: [{ contentDetails: { videoId: 'v1aaaaaaaaa' } }, { contentDetails: { videoId: 'v2aaaaaaaaa' } }, { contentDetails: { videoId: 'v3aaaaaaaaa' } }] } };
    const list = (items: unknown[]): RecordedExchange[] => [
      { match: { method: 'GET', path: '/youtube/v3/playlistItems', query: { playlistId: 'UUme' } }, response: uploads },
      { match: { method: 'GET', path: '/youtube/v3/videos', query: { id: 'v1aaaaaaaaa,v2aaaaaaaaa,v3aaaaaaaaa', part: 'snippet,status' } }, response: { status: 200, body: { items } } },
    ];
    let ctx = on(list([video('v1aaaaaaaaa', '2026-11-23T09:05:00Z'), video('v2aaaaaaaaa', '2026-11-22T18:00:00Z', '2026-11-23T09:00:00Z'), video('v3aaaaaaaaa', '2026-11-23T08:59:00Z')]));
    expect(await yt.findPublished(ctx, 'k', at)).toEqual({ id: 'v2aaaaaaaaa', url: 'https://www.youtube.com/watch?v=v2aaaaaaaaa', meta: { scheduled: 'true', publishAt: '2026-11-23T09:00:00Z' } });
    ctx = on(list([video('v1aaaaaaaaa', '2026-11-23T09:05:00Z'), video('v3aaaaaaaaa', '2026-11-23T08:59:00Z')]));
    expect((await yt.findPublished(ctx, 'k', at))?.id).toBe('v3aaaaaaaaa');
    ctx = on(list([video('v1aaaaaaaaa', '2026-11-20T09:05:00Z')]));
    expect(await yt.findPublished(ctx, 'k', at)).toBeNull();
  });

  it('pullInbound leaves out our own replies and what the cursor has seen', async () => {
    const rec = (await import('./recordings/pull_inbound.json')).default as { exchanges: RecordedExchange[] };
    const ours = { ...AUTH, channelId: 'UCq7mW2x9CaffeAurora01' };
    let ctx = on(rec.exchanges, ours);
    let res = await yt.pullInbound!(ctx, { ourPosts: [{ id: 'dQ9rAur0ra1' }, { id: 'at://x' }] });
    expect(res.items.map((i) => [i.kind, i.author.handle, i.parentId])).toEqual([
      ['comment', '@martaespresso', 'dQ9rAur0ra1'],
      ['reply', '@martaespresso', 'UgxKREWxIgDrw8w2e_Z4AaABAg'],
    ]);
    expect(res.items[1]!.text).toBe("Lovely, I'll come by on Saturday");
    expect(res.cursor).toBe('2026-11-23T10:45:00.000Z');
    ctx = on(rec.exchanges, ours);
    res = await yt.pullInbound!(ctx, { ourPosts: [{ id: 'dQ9rAur0ra1' }], cursor: '2026-11-23T10:20:00Z' });
    expect(res.items.map((i) => i.networkId)).toEqual(['UgxKREWxIgDrw8w2e_Z4AaABAg.9zRecReply02']);
  });

  it("deleting someone else's comment rejects it (setModerationStatus), our own is deleted", async () => {
    const ctx = on([{ match: { method: 'POST', path: '/youtube/v3/comments/setModerationStatus', query: { id: 'theirs', moderationStatus: 'rejected' } }, response: { status: 204 } }]);
    await yt.deleteComment!(ctx, { id: 'theirs', kind: 'comment', meta: { authorChannelId: 'UCsomeoneElse' } });
    expect(server.unused()).toEqual([]);
    expect(server.unexpected()).toEqual([]);
  });

  it('a counter the owner hides is 0 and absent from raw', async () => {
    const ctx = on([{ match: { method: 'GET', path: '/youtube/v3/videos', query: { part: 'statistics' } }, response: { status: 200, body: { items: [{ id: 'abcdefghijk', statistics: { viewCount: '10', favoriteCount: '0', commentCount: '1' } }] } } }]);
    expect(await yt.fetchMetrics!(ctx, [{ id: 'abcdefghijk' }])).toEqual([{ id: 'abcdefghijk', likes: 0, reposts: 0, replies: 1, quotes: 0, videoViews: 10, raw: { viewCount: 10, favoriteCount: 0, commentCount: 1 } }]);
  });

  it('a Google account without a channel cannot connect', async () => {
    server.load({ source: 'channels.list answers no items', exchanges: [
      { match: { method: 'POST', path: '/token' }, response: { status: 200, body: { access_token: 'a', refresh_token: 'r', expires_in: 3599 } } },
      { match: { method: 'GET', path: '/youtube/v3/channels' }, response: { status: 200, body: { kind: 'youtube#channelListResponse', items: [] } } },
    ] });
    const err = await fail(yt.completeOAuth!({ code: 'c', redirectUri: 'http://x/cb', clientId: 'cid', clientSecret: 'sec', baseUrl: server.url }));
    expect(err).toMatchObject({ kind: 'rejected', message: expect.stringContaining('no YouTube channel') });
    server.load({ source: 'token endpoint refuses the code', exchanges: [{ match: { method: 'POST', path: '/token' }, response: { status: 400, body: { error: 'invalid_grant', error_description: 'Bad Request' } } }] });
    expect(await fail(yt.completeOAuth!({ code: 'c', redirectUri: 'http://x/cb', clientId: 'cid', clientSecret: 'sec', baseUrl: server.url }))).toMatchObject({ kind: 'rejected' });
  });
});
