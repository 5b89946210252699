import { MastoHttpError, MastoTimeoutError } from 'masto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureServer } from '../test/fixtureServer';
import { PublishError } from '../types';
import { clientFor } from './client';
import { classify, retryAfterOf } from './errors';
import { mastodonConnector as mastodon } from './index';
import { contextOn, serve } from './testing';

const server = new FixtureServer();
beforeAll(async () => {
  await server.start();
});
afterAll(() => server.stop());

/** What the connector makes of an answer, through masto's real HTTP and error parsing. */
async function classified(status: number, body?: unknown, headers?: Record<string, string>, text?: string): Promise<PublishError> {
  serve(server, [{ match: { method: 'POST', path: '/api/v1/statuses' }, response: { status, body, headers, text } }]);
  return mastodon.publish(contextOn(server), { text: 'hello', media: [], idempotencyKey: 'k', scheduledAt: new Date() }).then(
    () => {
      throw new Error('expected a failure');
    },
    (e: PublishError) => e,
  );
}

describe('error classification (documented {"error": "..."} bodies)', () => {
  it('401 is auth_expired', async () => {
    expect(await classified(401, { error: 'The access token is invalid' })).toMatchObject({ kind: 'auth_expired', message: 'The access token is invalid' });
  });

  it('429 is rate_limited until X-RateLimit-Reset', async () => {
    const err = await classified(429, { error: 'Too many requests' }, { 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '2026-11-23T09:05:00.019685Z' });
    expect(err).toMatchObject({ kind: 'rate_limited', message: 'Too many requests' });
    expect(err.opts.retryAfter?.toISOString()).toBe('2026-11-23T09:05:00.019Z');
  });

  it('422 and 403 are rejected with the network message verbatim', async () => {
    expect(await classified(422, { error: 'Validation failed: Text character limit of 500 exceeded' })).toMatchObject({ kind: 'rejected', message: 'Validation failed: Text character limit of 500 exceeded', opts: { networkCode: '422' } });
    expect(await classified(403, { error: 'Your login is currently disabled' })).toMatchObject({ kind: 'rejected', message: 'Your login is currently disabled' });
  });

  it('5xx, an HTML error page and no answer at all are transient', async () => {
    expect(await classified(503, { error: 'Remote data could not be fetched' })).toMatchObject({ kind: 'transient', message: 'Remote data could not be fetched' });
    expect(await classified(502, undefined, undefined, '<html>Bad Gateway</html>')).toMatchObject({ kind: 'transient' });
    const closed = new FixtureServer();
    await closed.start();
    const url = closed.url;
    await closed.stop();
    const err = await clientFor(url, 't').v1.accounts.verifyCredentials().then(() => null, classify);
    expect(err).toMatchObject({ kind: 'transient' });
    expect(classify(new MastoTimeoutError('Request timed out')).kind).toBe('transient');
  });

  it('keeps an OAuth error_description and never the token', () => {
    const err = classify(new MastoHttpError({ statusCode: 401, message: 'invalid_token', description: 'The access token expired' }));
    expect(err.message).toBe('invalid_token: The access token expired');
    expect(classify(new MastoHttpError({ statusCode: 400, message: '' })).message).toBe('HTTP 400');
  });

  it('does not leak the token into messages', async () => {
    const err = await classified(401, { error: 'The access token is invalid' });
    expect(err.message).not.toContain('test-token');
  });
});

describe('retryAfterOf', () => {
  const now = Date.UTC(2026, 10, 23, 9, 0, 0);
  const h = (o: Record<string, string>) => new Headers(o);
  it('reads Mastodon ISO 8601 resets, Unix times, delays and Retry-After', () => {
    expect(retryAfterOf(h({ 'x-ratelimit-reset': '2026-11-23T09:05:00Z' }), now).getTime()).toBe(now + 300_000);
    expect(retryAfterOf(h({ 'x-ratelimit-reset': String(now / 1000 + 60) }), now).getTime()).toBe(now + 60_000);
    expect(retryAfterOf(h({ 'x-ratelimit-reset': '30' }), now).getTime()).toBe(now + 30_000);
    expect(retryAfterOf(h({ 'retry-after': '120' }), now).getTime()).toBe(now + 120_000);
  });
  it('falls back to the end of a 5-minute window', () => {
    expect(retryAfterOf(h({ 'x-ratelimit-reset': 'soon' }), now).getTime()).toBe(now + 300_000);
    expect(retryAfterOf(undefined, now).getTime()).toBe(now + 300_000);
  });
});
