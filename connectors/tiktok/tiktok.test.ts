import { describe, expect, it } from 'vitest';
import { oauthTestHost } from '../oauth/testing';
import type { RecordedExchange } from '../test/fixtureServer';
import type { ChannelAuth, PublishInput } from '../types';
import { classifyCode } from './errors';
import { createTiktokConnector } from './index';
import { quoteIds } from './status';
import { chunkPlan } from './upload';


const tiktok = createTiktokConnector({ intervalMs: 0, attempts: 3 });
const AUTH: ChannelAuth = { accessToken: 'tok', refreshToken: 'ref', expiresAt: '2099-01-01T00:00:00Z', openId: 'oid', username: 'caffeaurora' };
const APP = { clientId: 'ck', clientSecret: 'sec' };
const { server, on, fail } = oauthTestHost({ source: 'edge cases in the shapes of https://developers.tiktok.com/doc/content-posting-api-reference-direct-post', auth: AUTH, app: APP });
const ok = (data: unknown) => ({ status: 200, body: { data, error: { code: 'ok', message: '', log_id: 'L' } } });
const bad = (status: number, code: string, message: string) => ({ status, body: { data: {}, error: { code, message, log_id: 'L' } } });
const clip = { bytes: new Uint8Array(32), mimeType: 'video/mp4', altText: '' };
const post = (text: string, extra: Partial<PublishInput> = {}): PublishInput => ({ text, media: [clip], idempotencyKey: 'k', scheduledAt: new Date('2026-11-23T09:00:00Z'), ...extra });
const creator = (extra: object = {}): RecordedExchange => ({ match: { method: 'POST', path: '/v2/post/publish/creator_info/query/' }, response: ok({ creator_username: 'caffeaurora', privacy_level_options: ['SELF_ONLY'], comment_disabled: true, max_video_post_duration_sec: 60, ...extra }) });
const init = (body: string[], publishId = 'v_pub_file~v2-1.1', uploadUrl: string | undefined = 'https://open-upload.tiktokapis.com/video/?upload_id=1&upload_token=t'): RecordedExchange => ({ match: { method: 'POST', path: '/v2/post/publish/video/init/', bodyIncludes: body }, response: ok({ publish_id: publishId, ...(uploadUrl && { upload_url: uploadUrl }) }) });
const status = (data: object): RecordedExchange => ({ match: { method: 'POST', path: '/v2/post/publish/status/fetch/' }, response: ok(data) });
const put: RecordedExchange = { match: { method: 'PUT', path: '/video/' }, response: { status: 201 }, repeat: true };

describe('TikTok: what a post must be', () => {
  it('refuses a text alone, an image, a caption over 2,200 UTF-16 units, and refusing to delete says why', async () => {
    const ctx = on([]);
    expect(await fail(tiktok.publish(ctx, post('Hi', { media: [] })))).toMatchObject({ kind: 'rejected', message: expect.stringContaining('attach one video') });
    expect(await fail(tiktok.publish(ctx, post('Hi', { media: [{ ...clip, mimeType: 'image/jpeg' }] })))).toMatchObject({ kind: 'rejected' });
    expect(await fail(tiktok.publish(ctx, post('😀'.repeat(1101))))).toMatchObject({ kind: 'rejected', message: expect.stringContaining('2202') });
    expect(await fail(tiktok.delete(ctx, { id: '1' }))).toMatchObject({ kind: 'rejected', message: expect.stringContaining('TikTok app') });
    expect(server.received).toHaveLength(0);
  });

  it("follows creator_info: a privacy level it does not offer, or a video too long, is refused before init", async () => {
    let ctx = on([creator()]);
    expect(await fail(tiktok.publish(ctx, post('Hi')))).toMatchObject({ kind: 'rejected', message: expect.stringContaining('SELF_ONLY'), opts: { networkCode: 'privacy_level_option_mismatch' } });
    ctx = on([creator()]);
    expect(await fail(tiktok.publish(ctx, post('Hi', { options: { privacy: 'SELF_ONLY' }, media: [{ ...clip, durationSeconds: 61 }] })))).toMatchObject({ kind: 'rejected', message: expect.stringContaining('60 s') });
    expect(server.received.map((r) => r.path)).toEqual(['/v2/post/publish/creator_info/query/']);
  });

  it('a comment the creator disabled stays off even when the post allows it; the bytes go with Content-Range', async () => {
    const ctx = on([creator(), init(['"privacy_level":"SELF_ONLY"', '"disable_comment":true', '"disable_duet":false', '"disable_stitch":true']), put, status({ status: 'PUBLISH_COMPLETE', publicaly_available_post_id: [] })]);
    const ref = await tiktok.publish(ctx, post('Hi', { options: { privacy: 'SELF_ONLY', allowComments: true, allowDuet: true } }));
    // A private post gets no public id: it stays known by its publish id.
    expect(ref).toEqual({ id: 'v_pub_file~v2-1.1', meta: { publishId: 'v_pub_file~v2-1.1', status: 'PUBLISH_COMPLETE' } });
    const upload = server.received.find((r) => r.method === 'PUT')!;
    expect(upload.headers['content-range']).toBe('bytes 0-31/32');
    expect(upload.headers['content-type']).toBe('video/mp4');
    expect(server.unexpected()).toEqual([]);
  });
});

describe('TikTok: modes, sources and polling', () => {
  it('inbox mode pulls from the public URL and ends at SEND_TO_USER_INBOX, known by its publish id', async () => {
    const ctx = on([
      { match: { method: 'POST', path: '/v2/post/publish/inbox/video/init/', bodyIncludes: ['"source":"PULL_FROM_URL"', '"video_url":"https://media.example/v.mp4?sig=1"'] }, response: ok({ publish_id: 'v_inbox_url~v2.9' }) },
      status({ status: 'PROCESSING_DOWNLOAD', downloaded_bytes: 10 }),
      status({ status: 'SEND_TO_USER_INBOX' }),
    ]);
    const ref = await tiktok.publish(ctx, post('Draft', { options: { mode: 'inbox' }, media: [{ ...clip, publicUrl: 'https://media.example/v.mp4?sig=1' }] }));
    expect(ref).toEqual({ id: 'v_inbox_url~v2.9', meta: { publishId: 'v_inbox_url~v2.9', status: 'SEND_TO_USER_INBOX' } });
    expect(server.unused()).toEqual([]);
  });

  it('an unverified media domain falls back to sending the bytes', async () => {
    const ctx = on([
      { match: { method: 'POST', path: '/v2/post/publish/inbox/video/init/', bodyIncludes: ['PULL_FROM_URL'] }, response: bad(403, 'url_ownership_unverified', 'Please review our URL ownership verification rules.') },
      { match: { method: 'POST', path: '/v2/post/publish/inbox/video/init/', bodyIncludes: ['FILE_UPLOAD'] }, response: ok({ publish_id: 'v_inbox_file~v2.8', upload_url: 'https://open-upload.tiktokapis.com/video/?upload_id=8' }) },
      put,
      status({ status: 'SEND_TO_USER_INBOX' }),
    ]);
    expect((await tiktok.publish(ctx, post('Draft', { options: { mode: 'inbox' }, media: [{ ...clip, publicUrl: 'https://media.example/v.mp4' }] }))).id).toBe('v_inbox_file~v2.8');
  });

  it('FAILED is classified from fail_reason; still processing after the attempts is returned, not retried', async () => {
    let ctx = on([creator({ privacy_level_options: ['PUBLIC_TO_EVERYONE'] }), init([]), put, status({ status: 'FAILED', fail_reason: 'file_format_check_failed' })]);
    expect(await fail(tiktok.publish(ctx, post('Hi')))).toMatchObject({ kind: 'rejected', message: 'TikTok could not publish the video (file_format_check_failed)' });
    ctx = on([creator({ privacy_level_options: ['PUBLIC_TO_EVERYONE'] }), init([]), put, { ...status({ status: 'PROCESSING_UPLOAD' }), repeat: true }]);
    const ref = await tiktok.publish(ctx, post('Hi'));
    expect(ref).toEqual({ id: 'v_pub_file~v2-1.1', meta: { publishId: 'v_pub_file~v2-1.1', status: 'PROCESSING_UPLOAD' } });
    expect(server.received.filter((r) => r.path.endsWith('/status/fetch/'))).toHaveLength(3);
  });

  it('sends a video over 64 MB in chunks whose ranges cover it exactly', async () => {
    const size = 65 * 1024 * 1024 + 1;
    expect(chunkPlan(size)).toEqual({ chunkSize: 10 * 1024 * 1024, count: 6 });
    expect(chunkPlan(5_000_000)).toEqual({ chunkSize: 5_000_000, count: 1 });
    const ctx = on([creator({ privacy_level_options: ['PUBLIC_TO_EVERYONE'] }), init([`"video_size":${size}`, '"chunk_size":10485760', '"total_chunk_count":6']), put, status({ status: 'PUBLISH_COMPLETE', publicaly_available_post_id: [1] })]);
    await tiktok.publish(ctx, post('Big', { media: [{ ...clip, bytes: new Uint8Array(size) }] }));
    const ranges = server.received.filter((r) => r.method === 'PUT').map((r) => r.headers['content-range']);
    const M = 10 * 1024 * 1024;
    expect(ranges).toEqual([...Array.from({ length: 5 }, (_, i) => `bytes ${i * M}-${(i + 1) * M - 1}/${size}`), `bytes ${5 * M}-${size - 1}/${size}`]);
  });
});

describe('TikTok: errors, tokens, ids, reconciliation', () => {
  it('classifies the documented codes', () => {
    const now = Date.parse('2026-11-23T00:00:00Z');
    expect(classifyCode('spam_risk_too_many_posts', 'daily cap', 403, now)).toMatchObject({ kind: 'rate_limited', opts: { retryAfter: new Date(now + 86_400_000) } });
    expect(classifyCode('rate_limit_exceeded', 'slow', 429, now)).toMatchObject({ kind: 'rate_limited', opts: { retryAfter: new Date(now + 60_000) } });
    expect(classifyCode('scope_not_authorized', 'no scope', 401, now).kind).toBe('auth_expired');
    expect(classifyCode('unaudited_client_can_only_post_to_private_accounts', 'private only', 403, now)).toMatchObject({ kind: 'rejected', message: 'private only (unaudited_client_can_only_post_to_private_accounts)' });
    expect(classifyCode('internal_error', 'oops', 500, now).kind).toBe('transient');
  });

  it('keeps int64 post ids exact', () => {
    const text = '{"data":{"status":"PUBLISH_COMPLETE","publicaly_available_post_id":[7440123999999999987, 7440123999999999989]}}';
    expect(JSON.parse(quoteIds(text)).data.publicaly_available_post_id).toEqual(['7440123999999999987', '7440123999999999989']);
  });

  it('the recorded direct post returns the exact public post id and its URL', async () => {
    const rec = (await import('./recordings/publish_video.json')).default as { exchanges: RecordedExchange[] };
    const media = [{ ...clip, publicUrl: 'https://media.tandem.example/m/clip.mp4?sig=contract' }];
    const ref = await tiktok.publish(on(rec.exchanges), post('Caffè Aurora opens its autumn roastery tour on Saturday ☕ #coffee', { media }));
    expect(ref).toEqual({ id: '7440123999999999987', url: 'https://www.tiktok.com/@caffeaurora/video/7440123999999999987', meta: { publishId: 'v_pub_url~v2-1.7440123456789012345', status: 'PUBLISH_COMPLETE' } });
  });

  it('refreshes a token about to expire and reports it; a token error sent with HTTP 200 is still a refusal', async () => {
    const ctx = on(
      [
        { match: { method: 'POST', path: '/v2/oauth/token/', bodyIncludes: ['grant_type=refresh_token', 'client_key=ck'] }, response: { status: 200, body: { access_token: 'act.new', expires_in: 86400, refresh_token: 'rft.rotated', refresh_expires_in: 31536000, open_id: 'oid', token_type: 'Bearer' } } },
        { match: { method: 'GET', path: '/v2/user/info/' }, response: ok({ user: { follower_count: 3 } }) },
      ],
      { ...AUTH, expiresAt: new Date().toISOString(), clientKey: 'stored-before', clientSecret: 'stored-before' },
    );
    expect((await tiktok.fetchChannelMetrics!(ctx)).followers).toBe(3);
    expect(ctx.refreshed).toEqual([expect.objectContaining({ accessToken: 'act.new', refreshToken: 'rft.rotated', openId: 'oid' })]);
    // The app's credentials come from the server, and those older versions stored per channel are dropped.
    expect(server.received[0]!.body).toContain('client_secret=sec');
    expect(ctx.refreshed[0]).not.toHaveProperty('clientKey');
    expect(ctx.refreshed[0]).not.toHaveProperty('clientSecret');
    expect(server.received[1]!.headers.authorization).toBe('Bearer act.new');
    const refused = on([{ match: { method: 'POST', path: '/v2/oauth/token/' }, response: { status: 200, body: { error: 'invalid_grant', error_description: 'Refresh token is invalid or expired.', log_id: 'L' } } }]);
    expect(await fail(tiktok.refreshAuth!(refused))).toMatchObject({ kind: 'auth_expired', message: expect.stringContaining('Refresh token is invalid or expired. (invalid_grant)') });
    expect(await fail(tiktok.refreshAuth!({ ...on([]), oauthClient: undefined }))).toMatchObject({ kind: 'auth_expired', message: expect.stringContaining('OAUTH_TIKTOK_CLIENT_ID and OAUTH_TIKTOK_CLIENT_SECRET') });
  });

  it('findPublished takes the earliest video since the scheduled time, else null', async () => {
    const t = Date.parse('2026-11-23T09:00:00Z') / 1000;
    const videos = [{ id: '3', create_time: t + 900, share_url: 'https://www.tiktok.com/@caffeaurora/video/3' }, { id: '2', create_time: t + 5, share_url: 'https://www.tiktok.com/@caffeaurora/video/2' }, { id: '1', create_time: t - 9000 }];
    let ctx = on([{ match: { method: 'POST', path: '/v2/video/list/', query: { fields: 'id,create_time,share_url' } }, response: ok({ videos, cursor: 0, has_more: false }) }]);
    expect(await tiktok.findPublished(ctx, 'k', new Date(t * 1000))).toEqual({ id: '2', url: 'https://www.tiktok.com/@caffeaurora/video/2' });
    ctx = on([{ match: { method: 'POST', path: '/v2/video/list/' }, response: ok({ videos: [videos[2]], cursor: 0, has_more: false }) }]);
    expect(await tiktok.findPublished(ctx, 'k', new Date(t * 1000))).toBeNull();
  });
});
