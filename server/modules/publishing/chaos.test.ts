import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { AppBskyFeedPost } from '@atproto/api';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blueskyNetworkGate, startBlueskyNetwork, type BlueskyTestNetwork, type TestAccount } from '../../../connectors/test/blueskyNetwork';
import { ApiClient, signUpUser } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { until } from '../../test/until';
import { seededRandom } from '../../../shared/random';

/**
 * The chaos test of issue 3: 500 posts (some of them threads) due within one minute on four Bluesky
 * accounts of a real local network, published by two worker processes (`tandem start --roles=worker`)
 * that are killed with SIGKILL at seeded random moments and restarted. At the end every post is on
 * the network exactly once (counted in each account's repository on the PDS), every target is
 * published, and every network call left its attempt row (no intent is left without an outcome).
 *
 * Runs in the PostgreSQL pass only (the local network needs PostgreSQL, and worker processes need a
 * database they can share). The web and scheduler roles run in this process.
 */
const gate = await blueskyNetworkGate();
if (!gate.run) console.log(gate.reason.replace('Bluesky network tests', 'Publisher chaos test'));

const SEED = 20261122;
const POSTS = 500;
const ACCOUNTS = 4;
/** Every THREAD_EVERY-th post is a thread of THREAD_PARTS parts. */
const THREAD_EVERY = 10;
const THREAD_PARTS = 3;
const WINDOW_MS = 60_000;
const KILLS = 6;
/** Short enough that a killed worker's posts come back within seconds (the defaults are minutes). */
const WORKER_ENV = { PUBLISH_LEASE_SECONDS: '8', PUBLISH_JOB_EXPIRE_SECONDS: '8' };


const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** One `tandem start --roles=worker` process; `lines` keeps the end of its output for failure reports. */
class Worker {
  proc: ChildProcess | null = null;
  readonly pids: number[] = [];
  readonly lines: string[] = [];
  constructor(
    readonly name: string,
    private readonly env: Record<string, string>,
  ) {}

  start() {
    const proc = spawn(process.execPath, ['cli/bin.js', 'start', '--roles=worker'], { env: { ...process.env, ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (b: Buffer) => {
      for (const line of b.toString().split('\n').filter(Boolean)) this.lines.push(`${this.name}[${proc.pid}] ${line.slice(0, 400)}`);
      this.lines.splice(0, Math.max(0, this.lines.length - 60));
    };
    proc.stdout!.on('data', keep);
    proc.stderr!.on('data', keep);
    this.pids.push(proc.pid!);
    this.proc = proc;
  }

  kill9() {
    this.proc?.kill('SIGKILL');
    this.proc = null;
  }

  async stop() {
    const proc = this.proc;
    this.proc = null;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await Promise.race([exited, sleep(15_000)]);
    if (proc.exitCode === null) proc.kill('SIGKILL');
  }
}

describe.skipIf(!gate.run)('publisher chaos: two workers killed at random while publishing to Bluesky', () => {
  let net: BlueskyTestNetwork;
  let t: TestTandem;
  let owner: ApiClient;
  let ws: string;
  const accounts: TestAccount[] = [];
  const channelIds: string[] = [];
  const workers: Worker[] = [];

  const rows = async <T,>(q: ReturnType<typeof sql>) => {
    const r = await t.database.db.execute(q);
    return (r as unknown as { rows: T[] }).rows;
  };

  beforeAll(async () => {
    net = await startBlueskyNetwork();
    for (let i = 0; i < ACCOUNTS; i++) accounts.push(await net.createAccount(`chaos${i}`));
    const secretKey = randomBytes(32).toString('hex');
    t = await startTestTandem({ TANDEM_ROLES: 'web,scheduler', SECRET_KEY: secretKey, LINK_PREVIEW_PRIVATE_HOSTS: 'true', ...WORKER_ENV });
    const env = { DATABASE_URL: t.database.connectionString!, SECRET_KEY: secretKey, LOG_LEVEL: 'warn', DB_POOL_SIZE: '4', ...WORKER_ENV };
    workers.push(new Worker('A', env), new Worker('B', env));
    for (const w of workers) w.start();
    owner = (await signUpUser(t.baseUrl, 'Chaos Owner')).client;
    ws = (await owner.post('/api/workspaces', { name: 'Chaos' })).body.id;
    for (const a of accounts) {
      const { data } = await a.agent.com.atproto.server.createAppPassword({ name: 'tandem' });
      const res = await owner.post(`/api/workspaces/${ws}/channels`, { network: 'bluesky', credentials: { identifier: a.handle, appPassword: data.password, service: net.pdsUrl } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      channelIds.push(res.body.id);
    }
  }, 300_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await t?.stop();
    await net?.close();
  }, 120_000);

  it('publishes every post exactly once and records every call', { timeout: 15 * 60_000 }, async () => {
    const random = seededRandom(SEED);
    const tag = randomBytes(3).toString('hex');
    // 1. The posts: post i goes to account i % ACCOUNTS; every THREAD_EVERY-th one is a thread.
    const plan = Array.from({ length: POSTS }, (_, i) => {
      const texts = i % THREAD_EVERY === 0 ? Array.from({ length: THREAD_PARTS }, (_, p) => `chaos ${tag} post ${i} part ${p + 1}/${THREAD_PARTS}`) : [`chaos ${tag} post ${i}`];
      return { i, account: i % ACCOUNTS, texts, offset: Math.floor(random() * WINDOW_MS), id: '' };
    });
    const createStarted = Date.now();
    await lanes(plan, 4, async (p) => {
      const channelId = channelIds[p.account]!;
      const body = { text: p.texts[0], channelIds: [channelId], ...(p.texts.length > 1 && { variants: { [channelId]: { parts: p.texts.map((text) => ({ text })) } } }) };
      const res = await owner.post(`/api/workspaces/${ws}/posts`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      p.id = res.body.id;
    });
    // 2. Due within one minute, starting once scheduling (about as slow as creating) is surely done.
    const T0 = Date.now() + Math.max(15_000, (Date.now() - createStarted) * 1.5);
    plan.sort((a, b) => a.offset - b.offset);
    await lanes(plan, 4, async (p) => {
      const at = new Date(Math.max(T0 + p.offset, Date.now() + 3000));
      const res = await owner.post(`/api/workspaces/${ws}/posts/${p.id}/schedule`, { scheduledAt: at.toISOString() });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    });

    // 3. Chaos: SIGKILL a worker at seeded moments through the minute (and a little after), restart it soon after.
    const kills = Array.from({ length: KILLS }, () => ({ at: T0 + 2000 + Math.floor(random() * (WINDOW_MS + 10_000)), worker: random() < 0.5 ? 0 : 1, restartAfter: 300 + Math.floor(random() * 2700) })).sort((a, b) => a.at - b.at);
    const killedPids: number[] = [];
    for (const k of kills) {
      await sleep(k.at - Date.now());
      const w = workers[k.worker]!;
      if (w.proc?.pid) killedPids.push(w.proc.pid);
      w.kill9();
      await sleep(k.restartAfter);
      w.start();
    }

    // 4. Everything settles (generous: recovery after each kill takes seconds, the machine may be busy).
    const failedWith = async () => rows<{ state: string; n: number }>(sql`SELECT state, count(*)::int AS n FROM post_targets WHERE workspace_id = ${ws} GROUP BY state`);
    try {
      await until(
        'every target published',
        async () => {
          const states = await failedWith();
          return states.length === 1 && states[0]!.state === 'published' && Number(states[0]!.n) === POSTS;
        },
        8 * 60_000,
      );
    } catch (err) {
      console.log(JSON.stringify(await failedWith()), '\n', workers.flatMap((w) => w.lines).join('\n'));
      throw err;
    }
    await Promise.all(workers.map((w) => w.stop()));

    // 5. On the network: each account's repository holds each of its texts exactly once, nothing else.
    const records = new Map<string, { uri: string; text: string; createdAt: string; parent?: string }>();
    for (const [n, a] of accounts.entries()) {
      const texts: string[] = [];
      let cursor: string | undefined;
      do {
        const { data } = await a.agent.com.atproto.repo.listRecords({ repo: a.did, collection: 'app.bsky.feed.post', limit: 100, cursor });
        for (const r of data.records) {
          const v = r.value as AppBskyFeedPost.Record;
          texts.push(v.text);
          records.set(r.uri, { uri: r.uri, text: v.text, createdAt: v.createdAt, parent: v.reply?.parent.uri });
        }
        cursor = data.records.length ? data.cursor : undefined;
      } while (cursor);
      const expected = plan.filter((p) => p.account === n).flatMap((p) => p.texts);
      expect(texts.sort()).toEqual(expected.sort());
    }

    // 6. In the database: every part has one closing attempt (success, or reconciled after a kill)
    //    naming the record that is on the network, no intent is left open, and each record was
    //    created after its first intent was written (intent before the call).
    const attempts = await rows<{ target_id: string; part_index: number; idempotency_key: string; worker: string; outcome: string; error_kind: string | null; remote_id: string | null; attempted_at: Date }>(
      sql`SELECT target_id, part_index, idempotency_key, worker, outcome, error_kind, remote_id, attempted_at FROM publish_attempts WHERE workspace_id = ${ws} ORDER BY id`,
    );
    expect(attempts.filter((a) => a.outcome === 'unknown')).toEqual([]);
    // Several open intents of one part (a kill during the call, then another) are all closed by the one reconciliation.
    const closing = attempts.filter((a) => a.outcome === 'success' || a.outcome === 'reconciled');
    const byKey = new Map<string, Set<string>>();
    for (const a of closing) byKey.set(a.idempotency_key, (byKey.get(a.idempotency_key) ?? new Set()).add(a.remote_id!));
    const partsTotal = plan.reduce((n, p) => n + p.texts.length, 0);
    expect(byKey.size).toBe(partsTotal);
    expect([...byKey.values()].filter((uris) => uris.size !== 1)).toEqual([]);
    expect(closing.filter((a) => a.outcome === 'success')).toHaveLength(new Set(closing.filter((a) => a.outcome === 'success').map((a) => a.idempotency_key)).size);
    expect(new Set(closing.map((a) => a.remote_id))).toEqual(new Set(records.keys()));
    const firstIntent = new Map<string, number>();
    for (const a of attempts) if (!firstIntent.has(a.idempotency_key)) firstIntent.set(a.idempotency_key, new Date(a.attempted_at).getTime());
    for (const a of closing) {
      const record = records.get(a.remote_id!)!;
      expect(new Date(record.createdAt).getTime() + 1).toBeGreaterThanOrEqual(firstIntent.get(a.idempotency_key)!);
    }
    // Threads are chained in order: part k replies to part k - 1.
    const uriOf = new Map(closing.map((a) => [`${a.target_id}:${a.part_index}`, a.remote_id!]));
    for (const a of closing.filter((x) => x.part_index > 0)) expect(records.get(a.remote_id!)!.parent).toBe(uriOf.get(`${a.target_id}:${a.part_index - 1}`));
    const posts = await owner.get(`/api/workspaces/${ws}/posts?status=published`);
    expect(posts.body.posts).toHaveLength(POSTS);

    const byKilled = attempts.filter((a) => killedPids.some((pid) => a.worker.endsWith(`:${pid}`)));
    console.log(
      `chaos (seed ${SEED}): ${POSTS} posts, ${partsTotal} records on ${ACCOUNTS} accounts; ${kills.length} kills (pids ${killedPids.join(', ')}); ` +
        `${attempts.length} attempts: ${closing.filter((a) => a.outcome === 'reconciled').length} reconciled after a kill, ${attempts.filter((a) => a.error_kind === 'not_found').length} republished after a lost call, ` +
        `${byKilled.length} made by workers that were later killed`,
    );
  });
});

/** Runs `fn` over `items` on `n` sequential lanes. */
async function lanes<T>(items: T[], n: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      for (let i = next++; i < items.length; i = next++) await fn(items[i]!);
    }),
  );
}
