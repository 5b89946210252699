import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PublishError, type ConnectorContext, type PublishInput } from '../types';
import { createWebhookConnector, verifySignature, webhookConnector, type WebhookPayload } from '.';
import { publicOnlyLookup, PrivateAddressError } from './addresses';
import { MAX_MESSAGE_CHARS, retryAfterOf } from './errors';
import { TestReceiver } from './testReceiver';

/** Edge cases of the webhook connector against a live loopback receiver. */
const SECRET = 'whsec-edge-77';
const receiver = new TestReceiver(SECRET);
const loopback = createWebhookConnector({ allowPrivateHosts: () => true, timeoutMs: 400 });
const scheduledAt = new Date('2026-11-23T09:00:00Z');
let ctx: ConnectorContext;

const input = (over: Partial<PublishInput> = {}): PublishInput => ({ text: 'Roastery tour on Saturday ☕', media: [], idempotencyKey: 'edge-1', scheduledAt, ...over });
const fail = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as PublishError);

beforeAll(async () => {
  await receiver.start();
  ctx = { auth: { url: receiver.url, secret: SECRET }, onAuthRefreshed: async () => {} };
});
afterAll(() => receiver.stop());
beforeEach(() => receiver.reset());

describe('what the receiver gets', () => {
  it('posts the documented JSON with signature, timestamp, idempotency key and event headers', async () => {
    const before = Math.floor(Date.now() / 1000);
    const media = [{ bytes: new Uint8Array([1]), mimeType: 'image/png', altText: 'Beans', publicUrl: 'https://tandem.example/m/abc?sig=1' }];
    const ref = await loopback.publish(ctx, input({ media, replyTo: { parent: { id: 'recv-0' }, root: { id: 'recv-0', url: 'https://receiver.example/posts/0' } } }));
    expect(ref).toEqual({ id: 'recv-1', url: 'https://receiver.example/posts/1' });
    const d = receiver.deliveries[0]!;
    expect(d.signatureValid).toBe(true);
    expect(verifySignature(d.rawBody, String(d.headers['x-tandem-signature']), SECRET)).toBe(true);
    expect(d.headers['content-type']).toBe('application/json');
    expect(d.headers['idempotency-key']).toBe('edge-1');
    expect(d.headers['x-tandem-event']).toBe('post.published');
    expect(Number(d.headers['x-tandem-timestamp'])).toBeGreaterThanOrEqual(before);
    const body = JSON.parse(d.rawBody) as WebhookPayload;
    expect(Object.keys(body).sort()).toEqual(['id', 'idempotencyKey', 'media', 'replyTo', 'scheduledAt', 'text']);
    expect(body).toMatchObject({ idempotencyKey: 'edge-1', text: 'Roastery tour on Saturday ☕', scheduledAt: '2026-11-23T09:00:00.000Z', media: [{ mimeType: 'image/png', altText: 'Beans', url: 'https://tandem.example/m/abc?sig=1' }], replyTo: { parent: { id: 'recv-0' }, root: { id: 'recv-0' } } });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('leaves out the signature without a secret, and media without a public URL have no url', async () => {
    receiver.answerNext({ status: 201, body: '{"id":"unsigned-1"}' });
    const ref = await loopback.publish({ ...ctx, auth: { url: receiver.url } }, input({ media: [{ bytes: new Uint8Array([1]), mimeType: 'video/mp4', altText: '' }] }));
    expect(ref.id).toBe('unsigned-1');
    const d = receiver.deliveries[0]!;
    expect(d.headers['x-tandem-signature']).toBeUndefined();
    expect(JSON.parse(d.rawBody).media).toEqual([{ mimeType: 'video/mp4', altText: '' }]);
    expect(JSON.parse(d.rawBody).replyTo).toBeNull();
  });

  it('a repeat with the same key gets the first post back from a receiver that dedupes', async () => {
    const a = await loopback.publish(ctx, input({ idempotencyKey: 'same' }));
    const b = await loopback.publish(ctx, input({ idempotencyKey: 'same' }));
    expect(b).toEqual(a);
    expect(receiver.accepted).toBe(1);
    expect(await loopback.findPublished(ctx, 'same', scheduledAt)).toBeNull();
  });

  it('makes an id of its own when the receiver answers 2xx without one', async () => {
    receiver.answerNext({ status: 200, body: 'ok' }, { status: 202, body: '{"url":"not a url","id":""}' }, { status: 200, body: '{"id":42}' });
    expect(await loopback.publish(ctx, input({ idempotencyKey: 'k-plain' }))).toEqual({ id: 'webhook:k-plain' });
    expect(await loopback.publish(ctx, input({ idempotencyKey: 'k-empty' }))).toEqual({ id: 'webhook:k-empty' });
    expect(await loopback.publish(ctx, input({ idempotencyKey: 'k-num' }))).toEqual({ id: '42' });
  });

  it('delete sends a signed post.deleted event; a receiver that no longer has the post is fine', async () => {
    await loopback.delete(ctx, { id: 'recv-9', url: 'https://receiver.example/posts/9' });
    const d = receiver.deliveries[0]!;
    expect(d.headers['x-tandem-event']).toBe('post.deleted');
    expect(d.signatureValid).toBe(true);
    expect(JSON.parse(d.rawBody).delete).toEqual({ id: 'recv-9', url: 'https://receiver.example/posts/9' });
    receiver.answerNext({ status: 410, body: 'gone' });
    await loopback.delete(ctx, { id: 'recv-9' });
    receiver.answerNext({ status: 500, body: 'down' });
    expect((await fail(loopback.delete(ctx, { id: 'recv-9' })))?.kind).toBe('transient');
  });
});

describe('errors, classified', () => {
  it('401 and 403 mean the URL or secret no longer works', async () => {
    receiver.answerNext({ status: 403, body: 'forbidden: key revoked' });
    const e = await fail(loopback.publish(ctx, input()));
    expect(e).toBeInstanceOf(PublishError);
    expect(e!.kind).toBe('auth_expired');
    expect(e!.message).toContain('forbidden: key revoked');
    expect(e!.message).not.toContain(SECRET);
  });

  it('429 carries Retry-After in seconds or as a date, a minute when absent', async () => {
    const at = new Date(Date.now() + 120_000);
    at.setMilliseconds(0);
    receiver.answerNext({ status: 429, headers: { 'retry-after': at.toUTCString() } }, { status: 429 });
    const dated = await fail(loopback.publish(ctx, input()));
    expect(dated!.kind).toBe('rate_limited');
    expect(dated!.opts.retryAfter!.getTime()).toBe(at.getTime());
    const bare = await fail(loopback.publish(ctx, input()));
    expect(bare!.opts.retryAfter!.getTime() - Date.now()).toBeGreaterThan(55_000);
    expect(retryAfterOf('7', 1000).getTime()).toBe(8000);
    expect(retryAfterOf('soon', 1000).getTime()).toBe(61_000);
  });

  it('other 4xx are refusals with the receiver words verbatim, cut at a readable length', async () => {
    const long = `Refused: ${'x'.repeat(2000)}`;
    receiver.answerNext({ status: 400, body: long });
    const e = await fail(loopback.publish(ctx, input()));
    expect(e!.kind).toBe('rejected');
    expect(e!.message).toContain(long.slice(0, MAX_MESSAGE_CHARS));
    expect(e!.message.length).toBeLessThan(MAX_MESSAGE_CHARS + 100);
  });

  it('does not follow redirects', async () => {
    receiver.answerNext({ status: 307, headers: { location: 'http://169.254.169.254/latest/meta-data' } });
    const e = await fail(loopback.publish(ctx, input()));
    expect(e!.kind).toBe('rejected');
    expect(e!.message).toContain('redirect');
    expect(receiver.deliveries).toHaveLength(1);
  });

  it('a receiver that does not answer in time, or cannot be reached, is transient', async () => {
    receiver.answerNext({ status: 201, body: '{}', delayMs: 1500 });
    const slow = await fail(loopback.publish(ctx, input()));
    expect(slow!.kind).toBe('transient');
    expect(slow!.message).toContain('did not answer');
    const closed = await fail(loopback.publish({ ...ctx, auth: { url: 'http://127.0.0.1:9/nothing' } }, input()));
    expect(closed!.kind).toBe('transient');
    expect(closed!.message).toContain('ECONNREFUSED');
  });

  it('an auth without a URL asks for a reconnection', async () => {
    expect((await fail(loopback.publish({ ...ctx, auth: {} }, input())))!.kind).toBe('auth_expired');
  });
});

describe('private addresses (SSRF)', () => {
  it('the default connector refuses loopback and private literals, sending nothing', async () => {
    for (const url of [receiver.url, 'http://10.0.0.8/hook', 'http://[::1]:8080/hook', 'http://localhost:8080/hook']) {
      const e = await fail(webhookConnector.publish({ ...ctx, auth: { url } }, input()));
      expect(e!.kind, url).toBe('rejected');
      expect(e!.message).toContain('private or loopback');
    }
    expect(receiver.deliveries).toHaveLength(0);
  });

  it('checks names on the address the socket connects to', async () => {
    // a name is not refused by its spelling but by what it resolves to, when the socket connects
    const port = new URL(receiver.url).port;
    const e = await fail(webhookConnector.publish({ ...ctx, auth: { url: `http://localhost:${port}/hooks/tandem` } }, input()));
    expect(e!.kind).toBe('rejected');
    expect(e!.message).toContain('localhost is a private or loopback address');
    expect(receiver.deliveries).toHaveLength(0);
    const err = await new Promise((resolve) => publicOnlyLookup('localhost', {}, (error) => resolve(error)));
    expect(err).toBeInstanceOf(PrivateAddressError);
  });

  it('connect refuses a private URL unless allowed, and keeps tokens out of the handle', async () => {
    await expect(webhookConnector.connect({ url: 'http://192.168.1.20/hook' })).rejects.toMatchObject({ kind: 'rejected' });
    await expect(webhookConnector.connect({ url: 'ftp://example.com/hook' })).rejects.toMatchObject({ kind: 'rejected' });
    await expect(webhookConnector.connect({ url: 'not a url' })).rejects.toMatchObject({ kind: 'rejected' });
    const ok = await loopback.connect({ url: `${receiver.url}?token=abc#frag`, secret: ' s3 ' });
    expect(ok.auth).toEqual({ url: `${receiver.url}?token=abc`, secret: 's3' });
    expect(ok.account.handle).toBe(new URL(receiver.url).host + '/hooks/tandem');
    expect(ok.account.id).toMatch(/^webhook:[0-9a-f]{16}$/);
  });
});
