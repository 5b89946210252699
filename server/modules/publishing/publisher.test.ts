import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sinkCapabilities, sinkStore } from '../../../connectors/sink';
import { JobRuntime } from '../../jobs/runtime';
import { publishTarget } from './jobs/publishTarget';
import { findStrandedTargets } from './queries/findStrandedTargets';
import { ApiClient, signUpUser } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { until } from '../../test/until';

/** Exactly once in effect, through HTTP and the real job queue, against the local sink network. */
let t: TestTandem;
let ws: string;
let owner: ApiClient;


async function channel() {
  const account = `pub${Math.random().toString(36).slice(2, 8)}`;
  const res = await owner.post(`/api/workspaces/${ws}/channels`, { network: 'sink', credentials: { account } });
  return { id: res.body.id as string, account };
}

async function publishNow(body: Record<string, unknown>) {
  const id = (await owner.post(`/api/workspaces/${ws}/posts`, body)).body.id as string;
  const res = await owner.post(`/api/workspaces/${ws}/posts/${id}/publish`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return id;
}

const get = async (id: string) => (await owner.get(`/api/workspaces/${ws}/posts/${id}`)).body;
const attempts = async (id: string) => (await owner.get(`/api/workspaces/${ws}/posts/${id}/attempts`)).body.attempts as { outcome: string; errorKind: string | null; partIndex: number }[];
const settled = (id: string) => until(`post ${id} to settle`, async () => {
  const p = await get(id);
  return ['published', 'failed'].includes(p.status) && p;
});

/** Runs `fn` with the sink declaring these quota rules. */
async function withSinkQuota(quotas: typeof sinkCapabilities.quotas, fn: () => Promise<void>) {
  const saved = sinkCapabilities.quotas;
  sinkCapabilities.quotas = quotas;
  try {
    await fn();
  } finally {
    sinkCapabilities.quotas = saved;
  }
}

beforeAll(async () => {
  // A short lease, so a slow call can be overtaken within a test.
  t = await startTestTandem({ ENABLE_SINK_CONNECTOR: 'true', PUBLISH_LEASE_SECONDS: '5' });
  owner = (await signUpUser(t.baseUrl, 'Owner')).client;
  ws = (await owner.post('/api/workspaces', { name: 'Publisher' })).body.id;
});
afterAll(async () => t?.stop());
beforeEach(() => sinkStore.failNext(0, { kind: 'transient', message: '' }));

describe('the publisher', () => {
  it('publishes a thread of three parts in order, each replying to the previous one', async () => {
    const c = await channel();
    const id = await publishNow({ text: 'base', channelIds: [c.id], variants: { [c.id]: { parts: [{ text: 'one' }, { text: 'two' }, { text: 'three' }] } } });
    expect((await settled(id)).status).toBe('published');
    const posts = sinkStore.forAccount(c.account);
    expect(posts.map((p) => p.text)).toEqual(['one', 'two', 'three']);
    expect(posts[1]!.replyTo).toBe(posts[0]!.ref.id);
    expect(posts[2]!.replyTo).toBe(posts[1]!.ref.id);
    expect((await attempts(id)).map((a) => `${a.partIndex}:${a.outcome}`)).toEqual(['0:success', '1:success', '2:success']);
  });

  it('reconciles a post the network accepted but never confirmed: published once, not twice', async () => {
    const c = await channel();
    sinkStore.failNext(1, { kind: 'crash_after_accept' });
    const id = await publishNow({ text: 'Accepted, answer lost', channelIds: [c.id] });
    const done = await settled(id);
    expect(done.status).toBe('published');
    expect(sinkStore.forAccount(c.account)).toHaveLength(1);
    // The intent recorded before the call was closed by looking the post up, not by sending it again.
    expect((await attempts(id)).map((a) => a.outcome)).toEqual(['reconciled']);
    expect(done.targets[0].remoteRefs[0].id).toBe(sinkStore.forAccount(c.account)[0]!.ref.id);
  });

  it('retries transient errors with backoff, then publishes once', async () => {
    const c = await channel();
    sinkStore.failNext(2, { kind: 'transient', message: 'sink: 503 try again' });
    const id = await publishNow({ text: 'Third time lucky', channelIds: [c.id] });
    expect((await settled(id)).status).toBe('published');
    expect(sinkStore.forAccount(c.account)).toHaveLength(1);
    expect((await attempts(id)).map((a) => `${a.outcome}:${a.errorKind ?? ''}`)).toEqual(['error:transient', 'error:transient', 'success:']);
  });

  it('fails a rejected post and shows the network’s message', async () => {
    const c = await channel();
    sinkStore.failNext(1, { kind: 'rejected', message: 'sink: this text breaks the rules' });
    const id = await publishNow({ text: 'Refused', channelIds: [c.id] });
    const done = await settled(id);
    expect(done.status).toBe('failed');
    expect(done.targets[0].lastError).toMatch(/The network refused the post: sink: this text breaks the rules/);
    expect(sinkStore.forAccount(c.account)).toHaveLength(0);
    const failed = await owner.get(`/api/workspaces/${ws}/posts?status=failed`);
    expect(failed.body.posts.map((p: { id: string }) => p.id)).toContain(id);
  });

  it('marks the channel for reconnection when its sign-in expired; the post waits and goes out once reconnected', async () => {
    const c = await channel();
    sinkStore.failNext(1, { kind: 'auth_expired', message: 'sink: token expired' }, 'publish', c.account);
    const id = await publishNow({ text: 'Signed out', channelIds: [c.id] });
    const waiting = await until('the post to wait for the reconnection', async () => {
      const p = (await owner.get(`/api/workspaces/${ws}/posts/${id}`)).body;
      return p.targets[0].state === 'pending' && p.targets[0].lastError && p;
    });
    expect(waiting.targets[0].lastError).toMatch(/waits and goes out once the channel is reconnected.*sink: token expired/);
    const list = (await owner.get(`/api/workspaces/${ws}/channels`)).body.channels;
    expect(list.find((x: { id: string }) => x.id === c.id).status).toBe('needs_reconnect');
    // The sweep leaves it alone while the channel is signed out: nothing reaches the network.
    const targetId = waiting.targets[0].id as string;
    const stranded = () => findStrandedTargets(t.database.db, { workspaceId: ws, graceMs: 0, limit: 100 });
    expect(await stranded()).not.toContain(targetId);
    expect(sinkStore.forAccount(c.account)).toHaveLength(0);
    const wrong = await owner.post(`/api/workspaces/${ws}/channels/${c.id}/reconnect`, { credentials: { account: 'someone-else' } });
    expect(wrong.status).toBe(409);
    const again = await owner.post(`/api/workspaces/${ws}/channels/${c.id}/reconnect`, { credentials: { account: c.account } });
    expect(again.body.status).toBe('connected');
    // Reconnected: the sweep (every minute) picks it up again; resuming publishing releases it at once.
    expect(await stranded()).toContain(targetId);
    expect((await owner.post(`/api/workspaces/${ws}/publishing/pause`, {})).status).toBeLessThan(300);
    expect((await owner.post(`/api/workspaces/${ws}/publishing/resume`, {})).status).toBeLessThan(300);
    expect((await settled(id)).status).toBe('published');
    expect(sinkStore.forAccount(c.account)).toHaveLength(1);
  });

  it('holds due posts while publishing is paused and publishes them on resume', async () => {
    const c = await channel();
    expect((await owner.post(`/api/workspaces/${ws}/publishing/pause`)).body.paused).toBe(true);
    const id = await publishNow({ text: 'Held during the crisis', channelIds: [c.id] });
    // Long enough for the job to be claimed and skipped; nothing may reach the network.
    await new Promise((r) => setTimeout(r, 4000));
    expect(sinkStore.forAccount(c.account)).toHaveLength(0);
    expect((await get(id)).targets[0].state).toBe('pending');
    expect((await owner.post(`/api/workspaces/${ws}/publishing/resume`)).body.paused).toBe(false);
    expect((await settled(id)).status).toBe('published');
    expect(sinkStore.forAccount(c.account)).toHaveLength(1);
  });
});

describe('the attempt log', () => {
  it('is history: an outcome is set once, and rows cannot be changed again or deleted', async () => {
    const { sql } = await import('drizzle-orm');
    const c = await channel();
    const id = await publishNow({ text: 'On the record', channelIds: [c.id] });
    await settled(id);
    const db = t.database.db;
    await expect(db.execute(sql`UPDATE publish_attempts SET outcome = 'error' WHERE workspace_id = ${ws}`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM publish_attempts WHERE workspace_id = ${ws}`)).rejects.toThrow();
    expect((await attempts(id)).map((a) => a.outcome)).toEqual(['success']);
  });
});

describe('rate limits', () => {
  it('waits for the network’s reset time, then publishes once', async () => {
    const c = await channel();
    const reset = new Date(Date.now() + 1500);
    sinkStore.failNext(1, { kind: 'rate_limited', message: 'sink: slow down', retryAfter: reset });
    const id = await publishNow({ text: 'After the reset', channelIds: [c.id] });
    expect((await settled(id)).status).toBe('published');
    const posts = sinkStore.forAccount(c.account);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.publishedAt.getTime()).toBeGreaterThanOrEqual(reset.getTime());
    expect((await attempts(id)).map((a) => `${a.outcome}:${a.errorKind ?? ''}`)).toEqual(['error:rate_limited', 'success:']);
  });
});

describe('unknown outcomes and quotas', () => {
  it('publishes again with the same key when the lost call never reached the network', async () => {
    const c = await channel();
    sinkStore.failNext(1, { kind: 'crash_before_accept' });
    const id = await publishNow({ text: 'Lost on the way', channelIds: [c.id] });
    expect((await settled(id)).status).toBe('published');
    expect(sinkStore.forAccount(c.account)).toHaveLength(1);
    expect((await attempts(id)).map((a) => `${a.outcome}:${a.errorKind ?? ''}`)).toEqual(['error:not_found', 'success:']);
  });

  it('never exceeds the channel quota: the next post waits until the window frees', async () => {
    await withSinkQuota([{ windowSeconds: 3, limit: 1, cost: 1, action: 'create' }], async () => {
      const c = await channel();
      const first = await publishNow({ text: 'First in the window', channelIds: [c.id] });
      await settled(first);
      const second = await publishNow({ text: 'Second, after the window', channelIds: [c.id] });
      expect((await settled(second)).status).toBe('published');
      const [a, b] = sinkStore.forAccount(c.account);
      expect(b!.publishedAt.getTime() - a!.publishedAt.getTime()).toBeGreaterThanOrEqual(3000);
    });
  });
});

describe('quota for a whole thread', () => {
  it('reserves every part of a thread at the claim: it waits for room for all of them instead of being cut mid-way', async () => {
    await withSinkQuota([{ windowSeconds: 4, limit: 3, cost: 1, action: 'create' }], async () => {
      const c = await channel();
      const single = await publishNow({ text: 'Takes one of three', channelIds: [c.id] });
      await settled(single);
      const thread = await publishNow({ text: 'base', channelIds: [c.id], variants: { [c.id]: { parts: [{ text: 'one of three' }, { text: 'two of three' }, { text: 'three of three' }] } } });
      expect((await settled(thread)).status).toBe('published');
      const [a, ...parts] = sinkStore.forAccount(c.account);
      expect(parts.map((p) => p.text)).toEqual(['one of three', 'two of three', 'three of three']);
      // Room for three was there only once the first post left the window: the thread did not start before.
      expect(parts[0]!.publishedAt.getTime() - a!.publishedAt.getTime()).toBeGreaterThanOrEqual(4000);
    });
  });

  it('fails a thread that could never fit in the network’s window, saying so', async () => {
    await withSinkQuota([{ windowSeconds: 60, limit: 2, cost: 1, action: 'create' }], async () => {
      const c = await channel();
      const id = await publishNow({ text: 'base', channelIds: [c.id], variants: { [c.id]: { parts: [{ text: 'a' }, { text: 'b' }, { text: 'c' }] } } });
      const done = await settled(id);
      expect(done.status).toBe('failed');
      expect(done.targets[0].lastError).toMatch(/needs 3 posts in a row .* more than the network allows in 60 s \(2\); split it into shorter threads/);
      expect(sinkStore.forAccount(c.account)).toHaveLength(0);
    });
  });

  it('gives back the quota of parts that were not published', async () => {
    await withSinkQuota([{ windowSeconds: 60, limit: 3, cost: 1, action: 'create' }], async () => {
      const c = await channel();
      sinkStore.failNext(1, { kind: 'rejected', message: 'sink: no threads today' });
      const refused = await publishNow({ text: 'base', channelIds: [c.id], variants: { [c.id]: { parts: [{ text: 'x' }, { text: 'y' }, { text: 'z' }] } } });
      expect((await settled(refused)).status).toBe('failed');
      // The refused thread's three units are free again: a new three-part thread fits in the same window.
      const next = await publishNow({ text: 'base', channelIds: [c.id], variants: { [c.id]: { parts: [{ text: 'p' }, { text: 'q' }, { text: 'r' }] } } });
      expect((await settled(next)).status).toBe('published');
      expect(sinkStore.forAccount(c.account).map((p) => p.text)).toEqual(['p', 'q', 'r']);
    });
  });
});

describe('a worker that died mid-call', () => {
  it('is taken over once its lease expires: the post it got onto the network is found, not sent again', async () => {
    const { sql } = await import('drizzle-orm');
    const c = await channel();
    await owner.post(`/api/workspaces/${ws}/publishing/pause`);
    const id = await publishNow({ text: 'Worker killed after the network accepted', channelIds: [c.id] });
    const target = (await get(id)).targets[0];
    // What a kill -9 leaves behind: the claim with its lease, the intent without outcome, the post on the network.
    const key = `${target.id}:0`;
    await t.database.db.execute(sql`UPDATE post_targets SET state = 'publishing', lease_until = now() - interval '1 second' WHERE id = ${target.id}`);
    await t.database.db.execute(sql`INSERT INTO publish_attempts (workspace_id, target_id, part_index, idempotency_key, worker) VALUES (${ws}, ${target.id}, 0, ${key}, 'dead-worker:1')`);
    sinkStore.publish(c.account, { text: 'Worker killed after the network accepted', media: [], idempotencyKey: key, scheduledAt: new Date() });
    await owner.post(`/api/workspaces/${ws}/publishing/resume`);
    const done = await settled(id);
    expect(done.status).toBe('published');
    expect(sinkStore.forAccount(c.account)).toHaveLength(1);
    expect((await attempts(id)).map((a) => a.outcome)).toEqual(['reconciled']);
  });
});

describe('a worker whose lease ran out while its call was slow', () => {
  it('is overtaken by the next worker, which reconciles and publishes once; the late worker writes nothing', async () => {
    const { sql } = await import('drizzle-orm');
    const c = await channel();
    sinkStore.delayNext(7000);
    const id = await publishNow({ text: 'Slow network, short lease', channelIds: [c.id] });
    const target = await until('the first worker to claim the target', async () => {
      const tg = (await get(id)).targets[0];
      return tg.state === 'publishing' && tg;
    });
    // Past the 5 s lease, the queue hands the target to another run (as after a job's expiry).
    await until('the lease to run out', async () => {
      const r = await t.database.db.execute(sql`SELECT lease_until < now() AS out FROM post_targets WHERE id = ${target.id}`);
      const rows = (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { out: boolean }[];
      return rows[0]?.out === true;
    });
    // A second worker (the first one is still stuck in its call).
    const second = new JobRuntime({ database: t.database, log: t.ctx.log, mailer: t.ctx.mailer, secrets: t.ctx.secrets, jobs: [publishTarget], work: true, schedule: false, pollingIntervalSeconds: 0.5, env: { PUBLISH_LEASE_SECONDS: 5, PUBLISH_JOB_EXPIRE_SECONDS: 120, PUBLISH_CONCURRENCY: 1 } });
    await second.start();
    try {
      await second.enqueue(t.database.db, publishTarget, { targetId: target.id });
      expect((await settled(id)).status).toBe('published');
    } finally {
      await second.stop();
    }
    // The slow call lands after the takeover; the network's idempotency returns the same post to it.
    await new Promise((r) => setTimeout(r, 3000));
    expect(sinkStore.forAccount(c.account)).toHaveLength(1);
    const log = await attempts(id);
    expect(log.map((a) => `${a.outcome}:${a.errorKind ?? ''}`)).toEqual(['error:not_found', 'success:']);
    const done = await get(id);
    expect(done.status).toBe('published');
    expect(done.targets[0].remoteRefs[0].id).toBe(sinkStore.forAccount(c.account)[0]!.ref.id);
  });
});

describe('a person retries one channel', () => {
  const retry = (postId: string, targetId: string) => owner.post(`/api/workspaces/${ws}/posts/${postId}/targets/${targetId}/retry`);

  /** What a crash leaves: the target unknown with an open intent; `onNetwork` puts the post there too. */
  async function unknownTarget(text: string, onNetwork: boolean) {
    const { sql } = await import('drizzle-orm');
    const c = await channel();
    await owner.post(`/api/workspaces/${ws}/publishing/pause`);
    const id = await publishNow({ text, channelIds: [c.id] });
    const target = (await get(id)).targets[0];
    const key = `${target.id}:0`;
    await t.database.db.execute(sql`UPDATE post_targets SET state = 'unknown', last_error = 'Outcome still unknown after 5 tries' WHERE id = ${target.id}`);
    await t.database.db.execute(sql`UPDATE posts SET status = 'unknown' WHERE id = ${id}`);
    await t.database.db.execute(sql`INSERT INTO publish_attempts (workspace_id, target_id, part_index, idempotency_key, worker) VALUES (${ws}, ${target.id}, 0, ${key}, 'gone:1')`);
    if (onNetwork) sinkStore.publish(c.account, { text, media: [], idempotencyKey: key, scheduledAt: new Date(target.dueAt) });
    // Still paused: resuming now would let the publisher reconcile on its own before the person retries.
    return { c, id, target };
  }
  const resume = () => owner.post(`/api/workspaces/${ws}/publishing/resume`);

  it('publishes a failed one again, and the attempt log summarises each request', async () => {
    const c = await channel();
    sinkStore.failNext(1, { kind: 'rejected', message: 'sink: not today' });
    const id = await publishNow({ text: 'Try me again ☕', channelIds: [c.id] });
    const failed = await settled(id);
    expect(failed.status).toBe('failed');
    const res = await retry(id, failed.targets[0].id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.targets[0].state).toBe('pending');
    expect((await settled(id)).status).toBe('published');
    expect(sinkStore.forAccount(c.account)).toHaveLength(1);
    const log = (await owner.get(`/api/workspaces/${ws}/posts/${id}/attempts`)).body.attempts;
    expect(log.map((a: { outcome: string; errorKind: string | null }) => `${a.outcome}:${a.errorKind ?? ''}`)).toEqual(['error:rejected', 'success:']);
    for (const a of log) expect(a.request).toEqual({ part: 1, parts: 1, textLength: 14, mediaCount: 0, reply: false });
  });

  it('summarises thread parts as replies', async () => {
    const c = await channel();
    const id = await publishNow({ text: 'base', channelIds: [c.id], variants: { [c.id]: { parts: [{ text: 'first' }, { text: 'second!' }] } } });
    await settled(id);
    const log = (await owner.get(`/api/workspaces/${ws}/posts/${id}/attempts`)).body.attempts;
    expect(log.map((a: { request: unknown }) => a.request)).toEqual([
      { part: 1, parts: 2, textLength: 5, mediaCount: 0, reply: false },
      { part: 2, parts: 2, textLength: 7, mediaCount: 0, reply: true },
    ]);
  });

  it('looks an unknown one up first: found on the network, it is recorded, not sent again', async () => {
    const { c, id, target } = await unknownTarget('Unknown but there', true);
    expect((await get(id)).status).toBe('unknown');
    const calls = sinkStore.calls;
    expect((await retry(id, target.id)).status).toBe(200);
    await resume();
    expect((await settled(id)).status).toBe('published');
    expect(sinkStore.forAccount(c.account)).toHaveLength(1);
    expect(sinkStore.calls).toBe(calls);
    expect((await attempts(id)).map((a) => a.outcome)).toEqual(['reconciled']);
  });

  it('looks an unknown one up first: not on the network, it is published once with the same key', async () => {
    const { c, id, target } = await unknownTarget('Unknown and missing', false);
    expect((await retry(id, target.id)).status).toBe(200);
    await resume();
    expect((await settled(id)).status).toBe('published');
    expect(sinkStore.forAccount(c.account)).toHaveLength(1);
    expect(sinkStore.forAccount(c.account)[0]!.idempotencyKey).toBe(`${target.id}:0`);
    expect((await attempts(id)).map((a) => `${a.outcome}:${a.errorKind ?? ''}`)).toEqual(['error:not_found', 'success:']);
  });

  it('refuses a channel that is published or still planned, saying which ones can be retried', async () => {
    const c = await channel();
    const id = await publishNow({ text: 'Already out', channelIds: [c.id] });
    const done = await settled(id);
    const res = await retry(id, done.targets[0].id);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/Only a channel whose publishing failed or whose outcome is unknown can be retried; this one is published/);
    const missing = await retry(id, '00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
  });
});
