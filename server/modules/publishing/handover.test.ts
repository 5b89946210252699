import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FixtureServer, type RecordedExchange } from '../../../connectors/test/fixtureServer';
import { recordedBody } from '../../../connectors/mastodon/testing';
import { postTargets, publishAttempts } from '../../db/schema';
import { signUpUser, type ApiClient } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { until } from '../../test/until';
import { confirmHandover } from './jobs/confirmHandover';
import { runTarget } from './publisher/runTarget';

/**
 * Native scheduling handover through HTTP and the job queue, with Mastodon answering from a loopback
 * server in its documented shapes (POST /api/v1/statuses with scheduled_at → ScheduledStatus;
 * GET and DELETE /api/v1/scheduled_statuses/:id; the same Idempotency-Key asked again → the Status).
 * The post's time is moved into the past in the database to stand for "after the due time".
 */
const network = new FixtureServer();
let t: TestTandem;
let owner: ApiClient;
let ws: string;
let channelId: string;

const scheduledStatus = (at: Date, key: string) => ({ id: '3221', scheduled_at: at.toISOString(), params: { text: 'Autumn tour', media_ids: null, sensitive: null, spoiler_text: null, visibility: null, scheduled_at: null, poll: null, idempotency: key, in_reply_to_id: null, application_id: 596551 }, media_attachments: [] });
const answer = (exchanges: RecordedExchange[]) => network.load({ source: 'docs.joinmastodon.org/methods/statuses, /methods/scheduled_statuses (Mastodon 4.x)', exchanges });

beforeAll(async () => {
  await network.start();
  t = await startTestTandem({ LINK_PREVIEW_PRIVATE_HOSTS: 'true' });
  owner = (await signUpUser(t.baseUrl, 'Owner')).client;
  ws = (await owner.post('/api/workspaces', { name: 'Handover' })).body.id;
  answer([
    { match: { method: 'GET', path: '/api/v1/accounts/verify_credentials' }, response: { status: 200, body: recordedBody('connect', 0) } },
    { match: { method: 'GET', path: '/api/v2/instance' }, response: { status: 200, body: recordedBody('connect', 1) } },
  ]);
  const res = await owner.post(`/api/workspaces/${ws}/channels`, { network: 'mastodon', credentials: { instance: network.url, accessToken: 'tok' } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  channelId = res.body.id;
});
afterAll(async () => {
  await t?.stop();
  await network.stop();
});

const target = async (postId: string) => (await t.database.db.select().from(postTargets).where(eq(postTargets.postId, postId)))[0]!;
const post = async (id: string) => (await owner.get(`/api/workspaces/${ws}/posts/${id}`)).body;

/** A post scheduled 6 minutes ahead on the Mastodon channel, handed over to the instance. */
async function handedOver(text = 'Autumn tour') {
  const id = (await owner.post(`/api/workspaces/${ws}/posts`, { text, channelIds: [channelId] })).body.id as string;
  const due = new Date(Date.now() + 6 * 60_000);
  const key = () => network.received.find((r) => r.method === 'POST')?.headers['idempotency-key'] as string;
  answer([{ match: { method: 'POST', path: '/api/v1/statuses', bodyIncludes: ['scheduled_at', text] }, response: { status: 200, body: scheduledStatus(due, 'set-below') } }]);
  const res = await owner.post(`/api/workspaces/${ws}/posts/${id}/schedule`, { scheduledAt: due.toISOString() });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const tg = await until('the handover', async () => {
    const row = await target(id);
    return row.state === 'handed_over' && row;
  });
  return { id, due, target: tg, key: key() };
}

beforeEach(() => answer([]));

describe('handing a post over to the network’s scheduler', () => {
  it('hands a single post over ahead of its time with its key; the post stays scheduled; the due-time run sends nothing', async () => {
    const h = await handedOver();
    expect(h.key).toBe(`${h.target.id}:0`);
    expect(h.target.remoteRefs).toEqual([{ id: 'scheduled:3221', meta: { scheduled: 'true', scheduledAt: h.due.toISOString() } }]);
    const sent = JSON.parse(network.received.find((r) => r.method === 'POST')!.body);
    expect(new Date(sent.scheduled_at).getTime()).toBe(h.due.getTime());
    expect((await post(h.id)).status).toBe('scheduled');
    const attempts = await t.database.db.select().from(publishAttempts).where(eq(publishAttempts.targetId, h.target.id));
    expect(attempts.map((a) => [a.outcome, a.remoteId])).toEqual([['success', 'scheduled:3221']]);

    // The publisher's own run (a duplicate job, the sweep) leaves a handed-over post alone.
    answer([]);
    await runTarget({ db: t.database.db, jobs: t.jobs, secrets: t.ctx.secrets, log: t.ctx.log, leaseMs: 60_000 }, h.target.id);
    expect(network.received).toHaveLength(0);
    expect((await target(h.id)).state).toBe('handed_over');

    // Disconnecting the channel would leave the post going out on its own: refused, with what to do.
    const disconnect = await owner.request('DELETE', `/api/workspaces/${ws}/channels/${channelId}?scheduledPosts=cancel`);
    expect(disconnect.status).toBe(409);
    expect(disconnect.body.error.message).toMatch(/already with the network's own scheduler/);
  });

  it('after the time, confirms with the network and records the status it became (published once)', async () => {
    const h = await handedOver();
    await t.database.db.update(postTargets).set({ dueAt: new Date(Date.now() - 3 * 60_000) }).where(eq(postTargets.id, h.target.id));
    answer([
      { match: { method: 'GET', path: '/api/v1/scheduled_statuses/3221' }, response: { status: 404, body: { error: 'Record not found' } } },
      { match: { method: 'POST', path: '/api/v1/statuses', bodyIncludes: ['Autumn tour'] }, response: { status: 200, body: recordedBody('publish_text') } },
    ]);
    await t.jobs.enqueue(t.database.db, confirmHandover, { targetId: h.target.id });
    const done = await until('the confirmation', async () => {
      const p = await post(h.id);
      return p.status === 'published' && p;
    });
    expect(done.targets[0].remoteRefs[0].id).toBe('109400000000000001');
    const repost = network.received.find((r) => r.method === 'POST')!;
    expect(repost.headers['idempotency-key']).toBe(h.key);
    expect(JSON.parse(repost.body).scheduled_at).toBeUndefined();
    expect(network.unused()).toEqual([]);
  });

  it('while the network still holds it, looks again later; too long after its time, asks a person', async () => {
    const h = await handedOver();
    await t.database.db.update(postTargets).set({ dueAt: new Date(Date.now() - 3 * 60_000) }).where(eq(postTargets.id, h.target.id));
    answer([{ match: { method: 'GET', path: '/api/v1/scheduled_statuses/3221' }, response: { status: 200, body: scheduledStatus(h.due, h.key) } }]);
    await t.jobs.enqueue(t.database.db, confirmHandover, { targetId: h.target.id });
    await until('the first look', async () => network.received.length === 1 && (await target(h.id)).leaseUntil === null);
    expect((await target(h.id)).state).toBe('handed_over');

    await t.database.db.update(postTargets).set({ dueAt: new Date(Date.now() - 60 * 60_000) }).where(eq(postTargets.id, h.target.id));
    answer([{ match: { method: 'GET', path: '/api/v1/scheduled_statuses/3221' }, response: { status: 200, body: scheduledStatus(h.due, h.key) } }]);
    await t.jobs.enqueue(t.database.db, confirmHandover, { targetId: h.target.id });
    const unknown = await until('the give-up', async () => {
      const row = await target(h.id);
      return row.state === 'unknown' && row;
    });
    expect(unknown.lastError).toMatch(/still holds the post 60 minutes after its time/);
    expect((await post(h.id)).status).toBe('unknown');
  });

  it('cancelling withdraws the post from the network’s scheduler; a refusal changes nothing and says why', async () => {
    const refused = await handedOver();
    answer([{ match: { method: 'DELETE', path: '/api/v1/scheduled_statuses/3221' }, response: { status: 404, body: { error: 'Record not found' } } }]);
    const no = await owner.post(`/api/workspaces/${ws}/posts/${refused.id}/cancel`);
    expect(no.status).toBe(400);
    expect(no.body.error.message).toMatch(/^Mastodon refused it: scheduled post 3221 is no longer scheduled on the instance/);
    expect((await target(refused.id)).state).toBe('handed_over');
    expect((await post(refused.id)).status).toBe('scheduled');

    const h = await handedOver('Winter tour');
    answer([{ match: { method: 'DELETE', path: '/api/v1/scheduled_statuses/3221' }, response: { status: 200, body: {} } }]);
    const ok = await owner.post(`/api/workspaces/${ws}/posts/${h.id}/cancel`);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.status).toBe('cancelled');
    expect(await target(h.id)).toMatchObject({ state: 'cancelled', remoteRefs: [], nextPart: 0 });
    expect(network.unused()).toEqual([]);
  });

  it('taking a post back for editing withdraws it; scheduled again, it is handed over afresh', async () => {
    const h = await handedOver('Spring tour');
    const again = await owner.post(`/api/workspaces/${ws}/posts/${h.id}/schedule`, { scheduledAt: new Date(Date.now() + 7 * 60_000).toISOString() });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/take it back first/);
    answer([{ match: { method: 'DELETE', path: '/api/v1/scheduled_statuses/3221' }, response: { status: 200, body: {} } }]);
    const back = await owner.post(`/api/workspaces/${ws}/posts/${h.id}/unschedule`);
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(await target(h.id)).toMatchObject({ state: 'cancelled', remoteRefs: [], nextPart: 0 });
    expect((await owner.patch(`/api/workspaces/${ws}/posts/${h.id}`, { text: 'Spring tour, new date' })).status).toBe(200);
    const due = new Date(Date.now() + 8 * 60_000);
    answer([{ match: { method: 'POST', path: '/api/v1/statuses', bodyIncludes: ['scheduled_at', 'Spring tour, new date'] }, response: { status: 200, body: { ...scheduledStatus(due, h.key), id: '3222' } } }]);
    expect((await owner.post(`/api/workspaces/${ws}/posts/${h.id}/schedule`, { scheduledAt: due.toISOString() })).status).toBe(200);
    const fresh = await until('the new handover', async () => {
      const row = await target(h.id);
      return row.state === 'handed_over' && row;
    });
    expect(fresh.remoteRefs[0]!.id).toBe('scheduled:3222');
    expect(network.unused()).toEqual([]);
  });
});
