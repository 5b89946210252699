import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { z } from 'zod';
import { sinkStore } from '../connectors/sink';
import { readEnv, testEnv, type Env } from '../server/env';
import { defineJob } from '../server/jobs/defineJob';
import { JobRuntime } from '../server/jobs/runtime';
import { startTandem, type Tandem } from '../server/main';
import { ApiClient, signUpUser } from '../server/test/apiClient';
import { createPostgresDatabase, DEFAULT_TEST_DATABASE_URL } from '../server/test/testDatabase';
import { fmt, log, table } from './report';
import { postgresReachable, waitForNoConnections } from './postgres';

/**
 * Issue 3's publisher bench: N posts due at the same instant T on one local sink channel, scheduled
 * through HTTP on a Tandem started like startTandem() does it. Lateness is the sink's own publish time
 * minus the scheduled time, per post. The baseline, in the same run on the same database: the raw
 * queue (a JobRuntime, same worker settings) working N trivial jobs due at one instant.
 */
export interface PublisherSettings {
  /** Posts (and baseline jobs) per backend. */
  posts: number;
  /** PGlite runs the same bench with this many posts (it is several times slower to fill); 0 skips it. */
  pglitePosts: number;
  /** Parallel HTTP clients while creating and scheduling. */
  lanes: number;
  /** Longest wait for the last publish after T, per backend; what is missing by then is reported. */
  publishWaitMs: number;
  /** The shapes to run: due times spread evenly over `spreadMs` after T (0: all at T), on `channels` sink channels. */
  shapes: Shape[];
}

export interface Shape {
  spreadMs: number;
  channels: number;
}

const shapeName = (sh: Shape) => `${sh.spreadMs ? `spread over ${sh.spreadMs / 1000} s` : 'one instant'}, ${sh.channels} channel${sh.channels > 1 ? 's' : ''}`;

interface Lateness {
  count: number;
  p50: number;
  p99: number;
  max: number;
  /** Per second, from the first completion to the last. */
  rate: number;
  firstAfterT: number;
  lastAfterT: number;
}

interface BackendResult {
  label: string;
  posts: number;
  createMs: number;
  scheduleMs: number;
  /** T minus the end of scheduling: positive means every post was scheduled before it was due. */
  marginMs: number;
  publisher: Lateness;
  publisherCpu: number;
  sqlPerPost: number | null;
  queueSendMs: number;
  queue: Lateness;
  queueCpu: number;
  sqlPerJob: number | null;
  note?: string;
}

const PROBE = 40;

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** Per item: when it was done and when it was due. */
function lateness(doneAt: number[], dueAt: number[]): Lateness {
  const late = doneAt.map((t, i) => t - dueAt[i]!).sort((a, b) => a - b);
  const times = [...doneAt].sort((a, b) => a - b);
  const span = times.length > 1 ? times.at(-1)! - times[0]! : NaN;
  return { count: late.length, p50: percentile(late, 0.5), p99: percentile(late, 0.99), max: late.at(-1) ?? NaN, rate: ((times.length - 1) / span) * 1000, firstAfterT: late[0] ?? NaN, lastAfterT: late.at(-1) ?? NaN };
}

/** Runs `fn(i)` for i in [0, n) on `lanes` sequential lanes; returns the elapsed milliseconds. */
async function inLanes(n: number, lanes: number, fn: (i: number) => Promise<void>): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(lanes, n) }, async () => {
      for (let i = next++; i < n; i = next++) await fn(i);
    }),
  );
  return performance.now() - t0;
}

/** A time far enough ahead for `n` more operations at the probed rate, with room to spare. */
function dueAfter(n: number, probeMs: number, probeN: number): Date {
  const estimate = (probeMs / probeN) * n;
  return new Date(Date.now() + Math.ceil(estimate * 1.5) + 3000);
}

async function until(what: string, check: () => boolean, deadline: number): Promise<boolean> {
  while (!check()) {
    if (Date.now() > deadline) {
      log(`publisher: gave up waiting for ${what}`);
      return false;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/** Counts SQL statements sent through node-postgres (Tandem's pool and pg-boss's own) between start() and stop(). */
function sqlCounter() {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let n = 0;
  return {
    start() {
      n = 0;
      proto.query = function (this: unknown, ...args: unknown[]) {
        n++;
        return original.apply(this, args);
      };
    },
    stop(): number {
      proto.query = original;
      return n;
    },
  };
}

function ok(res: { status: number; body: unknown }, what: string, status = 200) {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body as { id: string };
}

async function runBackend(label: string, overrides: Partial<Record<keyof Env, string>>, n: number, s: PublisherSettings, server: boolean, shape: Shape): Promise<BackendResult> {
  const offset = (i: number) => (shape.spreadMs ? Math.floor((i * shape.spreadMs) / n) : 0);
  const env = readEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: 'memory://', LOG_LEVEL: 'silent', DEMO: 'false', LOGIN_MAX_PER_MINUTE: '1000', ENABLE_SINK_CONNECTOR: 'true', ...overrides }, {});
  let tandem: Tandem | undefined;
  let noopRuntime: JobRuntime | undefined;
  const counter = sqlCounter();
  try {
    tandem = await startTandem(env, { webDist: '/nonexistent' });
    const base = `http://127.0.0.1:${new URL(tandem.url!).port}`;
    const { client } = await signUpUser(base, 'Bench Publisher');
    const ws = ok(await client.post('/api/workspaces', { name: 'Publisher bench', timeZone: 'UTC' }), 'create workspace', 201).id;
    const run = randomBytes(4).toString('hex');
    const accounts = Array.from({ length: shape.channels }, (_, k) => `bench${run}c${k}`);
    const channelIds: string[] = [];
    for (const account of accounts) channelIds.push(ok(await client.post(`/api/workspaces/${ws}/channels`, { network: 'sink', credentials: { account } }), 'create channel', 201).id);
    const api = (c: ApiClient) => ({
      create: async (text: string, i = 0) => ok(await c.post(`/api/workspaces/${ws}/posts`, { text, channelIds: [channelIds[i % channelIds.length]!] }), 'create post', 201).id,
      schedule: async (id: string, at: Date) => void ok(await c.post(`/api/workspaces/${ws}/posts/${id}/schedule`, { scheduledAt: at.toISOString() }), 'schedule post'),
    });
    const { create, schedule } = api(client);

    // 1. Create the posts (drafts; this workspace does not require approval).
    log(`publisher: ${label}: creating ${n} posts through HTTP`);
    const ids: string[] = new Array(n);
    const createMs = await inLanes(n, s.lanes, async (i) => {
      ids[i] = await create(`Bench post ${i} of ${n} (${shapeName(shape)}).`, i);
    });

    // 2. Probe the scheduling rate with a few extra posts due an hour later (never published in this run), then pick T.
    const probeIds: string[] = [];
    await inLanes(PROBE, s.lanes, async (i) => void probeIds.push(await create(`Probe ${i}`)));
    const later = new Date(Date.now() + 3_600_000);
    const probeMs = await inLanes(PROBE, s.lanes, async (i) => schedule(probeIds[i]!, later));
    const T = dueAfter(n, probeMs, PROBE);
    log(`publisher: ${label}: scheduling ${n} posts due from ${T.toISOString()} (in ${((T.getTime() - Date.now()) / 1000).toFixed(1)} s), ${shapeName(shape)}`);
    const scheduleMs = await inLanes(n, s.lanes, (i) => schedule(ids[i]!, new Date(T.getTime() + offset(i))));
    const marginMs = T.getTime() - Date.now();

    // 3. Wait for the sink to hold all of them (bounded), then read its own timestamps.
    const mine = new Set(accounts);
    const sunk = () => sinkStore.posts.filter((p) => mine.has(p.account));
    await until('T', () => Date.now() >= T.getTime() - 200, T.getTime() + 1000);
    const cpu0 = process.cpuUsage();
    if (server) counter.start();
    await until(`${n} posts in the sink`, () => sunk().length >= n, T.getTime() + s.publishWaitMs);
    const pubSql = server ? counter.stop() : null;
    const published = sunk();
    const publisherCpu = cpuCores(cpu0, Math.max(1, (published.at(-1)?.publishedAt.getTime() ?? Date.now()) - T.getTime() + 200));
    for (const p of published) if (p.scheduledAt.getTime() < T.getTime() || p.scheduledAt.getTime() > T.getTime() + shape.spreadMs) throw new Error(`sink post due at ${p.scheduledAt.toISOString()}, outside the bench's due times`);
    const publisher = lateness(published.map((p) => p.publishedAt.getTime()), published.map((p) => p.scheduledAt.getTime()));
    log(`publisher: ${label}: ${published.length} published, p50 ${fmt.ms(publisher.p50)} ms, p99 ${fmt.ms(publisher.p99)} ms, ${fmt.int(publisher.rate)}/s`);

    // 4. The raw queue: same runtime class, default worker settings (as startTandem), a job that only records when it ran.
    const doneAt: number[] = [];
    const jobIndex: number[] = [];
    // Same worker settings as the publisher's queue: as many jobs at a time.
    const noop = defineJob({ id: 'bench.noop', payload: z.object({ i: z.number().int() }), retry: { limit: 0, delaySeconds: 1, backoff: false }, concurrency: (e) => e.PUBLISH_CONCURRENCY, handler: async ({ i }) => {
        doneAt.push(Date.now());
        jobIndex.push(i);
      } });
    noopRuntime = new JobRuntime({ database: tandem.database, log: tandem.ctx.log, mailer: tandem.ctx.mailer, secrets: tandem.ctx.secrets, jobs: [noop], work: true, schedule: false, env });
    await noopRuntime.start();
    const db = tandem.database.db;
    const qProbe = await inLanes(PROBE, s.lanes, async (i) => void (await noopRuntime!.enqueue(db, noop, { i: -1 - i }, { startAfter: later })));
    const T2 = dueAfter(n, qProbe, PROBE);
    log(`publisher: ${label}: raw queue, sending ${n} jobs due at ${T2.toISOString()}`);
    const queueSendMs = await inLanes(n, s.lanes, async (i) => void (await noopRuntime!.enqueue(db, noop, { i }, { startAfter: new Date(T2.getTime() + offset(i)) })));
    await until('T2', () => Date.now() >= T2.getTime() - 200, T2.getTime() + 1000);
    const qcpu0 = process.cpuUsage();
    if (server) counter.start();
    await until(`${n} noop jobs`, () => doneAt.length >= n, T2.getTime() + s.publishWaitMs);
    const queueSql = server ? counter.stop() : null;
    const queue = lateness(doneAt, jobIndex.map((i) => T2.getTime() + offset(i)));
    const queueCpu = cpuCores(qcpu0, Math.max(1, (Math.max(...doneAt) || Date.now()) - T2.getTime() + 200));
    log(`publisher: ${label}: raw queue ${doneAt.length} done, ${fmt.int(queue.rate)}/s`);

    const missing = [published.length < n ? `${n - published.length} posts not published within ${s.publishWaitMs / 1000} s of T` : '', doneAt.length < n ? `${n - doneAt.length} jobs not done within ${s.publishWaitMs / 1000} s` : ''].filter(Boolean);
    return {
      label: `${label}, ${shapeName(shape)}`,
      posts: n,
      createMs,
      scheduleMs,
      marginMs,
      publisher,
      publisherCpu,
      sqlPerPost: pubSql === null || !published.length ? null : pubSql / published.length,
      queueSendMs,
      queue,
      queueCpu,
      sqlPerJob: queueSql === null || !doneAt.length ? null : queueSql / doneAt.length,
      note: missing.join('; ') || undefined,
    };
  } finally {
    counter.stop();
    await noopRuntime?.stop().catch(() => undefined);
    await tandem?.close();
  }
}

function cpuCores(since: NodeJS.CpuUsage, wallMs: number): number {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000 / wallMs;
}



export async function runPublisher(s: PublisherSettings, adminUrl = testEnv().testDatabaseUrl ?? DEFAULT_TEST_DATABASE_URL): Promise<string> {
  const env0 = readEnv({}, {});
  const results: BackendResult[] = [];
  const skipped: string[] = [];
  const reachable = await postgresReachable(adminUrl);
  for (const shape of s.shapes) {
    if (reachable === true) {
      const db = await createPostgresDatabase();
      try {
        results.push(await runBackend('PostgreSQL', { DATABASE_URL: db.url, SECRET_KEY: randomBytes(32).toString('hex') }, s.posts, s, true, shape));
      } finally {
        await waitForNoConnections(adminUrl, new URL(db.url).pathname.slice(1));
        await db.drop();
      }
    } else if (!skipped.length) {
      skipped.push(`PostgreSQL skipped: no server at ${adminUrl} (${reachable}).`);
    }
    if (s.pglitePosts > 0) results.push(await runBackend('PGlite (memory://)', {}, s.pglitePosts, s, false, shape));
  }

  const sec = (ms: number) => fmt.s(ms);
  const setup = table(
    ['backend', 'posts', 'create via HTTP s (posts/s)', 'schedule via HTTP s (posts/s)', 'T − end of scheduling s', 'raw queue: send s (jobs/s)'],
    results.map((r) => [r.label, fmt.int(r.posts), `${sec(r.createMs)} (${fmt.int((r.posts / r.createMs) * 1000)})`, `${sec(r.scheduleMs)} (${fmt.int((r.posts / r.scheduleMs) * 1000)})`, sec(r.marginMs), `${sec(r.queueSendMs)} (${fmt.int((r.posts / r.queueSendMs) * 1000)})`]),
  );
  const main = table(
    ['backend', 'what', 'done', 'lateness p50 s', 'p99 s', 'max s', 'first after T s', 'per s (first → last)', 'process CPU (cores)', 'SQL statements each', 'throughput ÷ raw queue', 'goal'],
    results.flatMap((r) => {
      const ratio = r.publisher.rate / r.queue.rate;
      const goal = `p99 < 1 s: ${r.publisher.p99 < 1000 ? 'met' : `missed (${(r.publisher.p99 / 1000).toFixed(1)} s)`}; ≥ 0.50×: ${ratio >= 0.5 ? 'met' : 'missed'}`;
      return [
        [r.label, 'raw queue, no-op job (baseline)', fmt.int(r.queue.count), sec(r.queue.p50), sec(r.queue.p99), sec(r.queue.max), sec(r.queue.firstAfterT), fmt.int(r.queue.rate), r.queueCpu.toFixed(2), r.sqlPerJob === null ? 'n/a' : r.sqlPerJob.toFixed(2), '1.00×', ''],
        [r.label, 'publisher → sink', fmt.int(r.publisher.count), sec(r.publisher.p50), sec(r.publisher.p99), sec(r.publisher.max), sec(r.publisher.firstAfterT), fmt.int(r.publisher.rate), r.publisherCpu.toFixed(2), r.sqlPerPost === null ? 'n/a' : r.sqlPerPost.toFixed(1), fmt.ratio(ratio), goal],
      ];
    }),
  );
  const notes = [...skipped, ...results.filter((r) => r.note).map((r) => `${r.label}: ${r.note}.`)];
  return [
    `### Publisher (${fmt.int(s.posts)} posts per shape: ${s.shapes.map(shapeName).join('; ')}${s.pglitePosts ? `; ${fmt.int(s.pglitePosts)} on PGlite` : ''}; ${s.lanes} HTTP clients while scheduling; worker settings as startTandem: ${env0.PUBLISH_CONCURRENCY} jobs at a time per queue, polling 2 s, woken when a delayed job falls due)`,
    '',
    setup,
    '',
    main,
    ...(notes.length ? ['', ...notes.map((n) => `- ${n}`)] : []),
  ].join('\n');
}
