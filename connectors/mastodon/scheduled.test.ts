import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureServer } from '../test/fixtureServer';
import { PublishError } from '../types';
import { mastodonConnector as mastodon } from './index';
import { contextOn, recordedBody, serve } from './testing';

/**
 * Confirming a post handed to the instance's scheduler, against the documented shapes:
 * GET /api/v1/scheduled_statuses/:id (ScheduledStatus, or 404 once the instance published it) and
 * POST /api/v1/statuses with the same Idempotency-Key (the status the instance made, within the hour).
 */
const server = new FixtureServer();
beforeAll(async () => {
  await server.start();
});
afterAll(() => server.stop());

const ctx = () => contextOn(server);
const ref = { id: 'scheduled:3221', meta: { scheduled: 'true' } };
const scheduled = { id: '3221', scheduled_at: '2026-12-01T09:00:00.000Z', params: { text: 'Autumn tour', media_ids: null, sensitive: null, spoiler_text: null, visibility: null, scheduled_at: null, poll: null, idempotency: 'target-1:0', in_reply_to_id: null, application_id: 596551 }, media_attachments: [] };
const input = (minutesAgo: number) => ({ text: 'Autumn tour', idempotencyKey: 'target-1:0', scheduledAt: new Date(Date.now() - minutesAgo * 60_000) });

describe('confirmScheduled', () => {
  it('says "still scheduled" while the instance holds the post, without posting anything', async () => {
    serve(server, [{ match: { method: 'GET', path: '/api/v1/scheduled_statuses/3221' }, response: { status: 200, body: scheduled } }]);
    expect(await mastodon.confirmScheduled!(ctx(), ref, input(3))).toEqual({ state: 'scheduled' });
    expect(server.received.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/scheduled_statuses/3221']);
  });

  it('once published, learns the status by asking again with the same Idempotency-Key', async () => {
    serve(server, [
      { match: { method: 'GET', path: '/api/v1/scheduled_statuses/3221' }, response: { status: 404, body: { error: 'Record not found' } } },
      { match: { method: 'POST', path: '/api/v1/statuses', bodyIncludes: ['Autumn tour'] }, response: { status: 200, body: recordedBody('publish_text') } },
    ]);
    const out = await mastodon.confirmScheduled!(ctx(), ref, input(3));
    expect(out).toEqual({ state: 'published', ref: { id: '109400000000000001', url: 'https://mastodon.example/@caffeaurora/109400000000000001' } });
    expect(server.received[1]!.headers['idempotency-key']).toBe('target-1:0');
  });

  it('past the key’s hour, does not ask again (it could post twice): unknown, for a person', async () => {
    serve(server, [{ match: { method: 'GET', path: '/api/v1/scheduled_statuses/3221' }, response: { status: 404, body: { error: 'Record not found' } } }]);
    const out = await mastodon.confirmScheduled!(ctx(), ref, input(70));
    expect(out.state).toBe('unknown');
    expect(server.received).toHaveLength(1);
  });

  it('classifies the instance’s errors like every other call', async () => {
    serve(server, [{ match: { method: 'GET', path: '/api/v1/scheduled_statuses/3221' }, response: { status: 401, body: { error: 'The access token is invalid' } } }]);
    const err = await mastodon.confirmScheduled!(ctx(), ref, input(3)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PublishError);
    expect(err).toMatchObject({ kind: 'auth_expired', message: 'The access token is invalid' });
  });
});
