import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { readEnv, testEnv, type Env } from '../server/env';
import { startTandem, type Tandem } from '../server/main';
import { createPostgresDatabase, DEFAULT_TEST_DATABASE_URL } from '../server/test/testDatabase';
import type { LoadOptions, LoadResult } from './loadgen';
import { fmt, log, table } from './report';
import { postgresReachable, waitForNoConnections } from './postgres';

export interface ThroughputSettings {
  connections: number;
  warmupMs: number;
  durationMs: number;
}

interface Row {
  name: string;
  result: LoadResult | null;
  /** CPU the server's process (this one) used during the load, in cores. */
  serverCpu?: number;
  note?: string;
}

const CHILD = fileURLToPath(new URL('./loadgenChild.ts', import.meta.url));

/** Runs the load in a child process so it does not share the server's event loop. */
export async function load(opts: LoadOptions): Promise<LoadResult & { serverCpu: number }> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await loadInChild(opts);
  const cpu = process.cpuUsage(cpu0);
  return { ...result, serverCpu: (cpu.user + cpu.system) / 1000 / (performance.now() - t0) };
}

function loadInChild(opts: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const killer = setTimeout(() => child.kill('SIGKILL'), opts.warmupMs + opts.durationMs + 30_000);
    let answered = false;
    child.once('message', (m: { ok: boolean; result?: LoadResult; error?: string }) => {
      answered = true;
      if (m.ok) resolve(m.result!);
      else reject(new Error(m.error));
    });
    child.once('exit', (code) => {
      clearTimeout(killer);
      if (!answered) reject(new Error(`load generator exited with ${code} before answering`));
    });
    child.send(opts);
  });
}

/** A constant JSON of the same shape and size as GET /api/workspaces/:id answers. */
const CONSTANT = { id: '0190f0c2-6f5e-7c3a-9d1e-3f2b7a4c5d6e', name: 'Bench workspace', timeZone: 'Europe/Rome', createdAt: '2026-01-01T00:00:00.000Z', roles: ['owner', 'marketing_manager'] };

async function bareFastify(s: ThroughputSettings): Promise<Row> {
  const app = Fastify();
  app.get('/bench', async () => CONSTANT);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const result = await load({ url: `${url}/bench`, connections: s.connections, warmupMs: s.warmupMs, durationMs: s.durationMs });
    return { name: 'bare Fastify, constant JSON (baseline)', result, serverCpu: result.serverCpu };
  } finally {
    await app.close();
  }
}

export async function signUpAndCreate(baseUrl: string): Promise<{ cookie: string; workspaceId: string }> {
  const email = `bench-${Date.now()}-${randomBytes(3).toString('hex')}@example.test`;
  const res = await fetch(`${baseUrl}/api/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'correct horse battery staple', name: 'Bench Person' }) });
  if (res.status !== 201) throw new Error(`signup: ${res.status} ${await res.text()}`);
  const m = /tandem_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '');
  if (!m) throw new Error('signup: no session cookie');
  const cookie = `tandem_session=${m[1]}`;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const ws = await fetch(`${baseUrl}/api/workspaces`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify({ name: 'Bench workspace', timeZone: 'Europe/Rome' }) });
  if (ws.status !== 201) throw new Error(`create workspace: ${ws.status} ${await ws.text()}`);
  const { id } = (await ws.json()) as { id: string };
  const check = await fetch(`${baseUrl}/api/workspaces/${id}`, { headers: { cookie } });
  if (check.status !== 200) throw new Error(`read workspace: ${check.status} ${await check.text()}`);
  return { cookie, workspaceId: id };
}

async function tandemRows(label: string, overrides: Partial<Record<keyof Env, string>>, s: ThroughputSettings): Promise<Row[]> {
  const env = readEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: 'memory://', LOG_LEVEL: 'silent', DEMO: 'false', LOGIN_MAX_PER_MINUTE: '1000', ...overrides }, {});
  let tandem: Tandem | undefined;
  try {
    tandem = await startTandem(env, { webDist: '/nonexistent' });
    const base = `http://127.0.0.1:${new URL(tandem.url!).port}`;
    const { cookie, workspaceId } = await signUpAndCreate(base);
    const common = { connections: s.connections, warmupMs: s.warmupMs, durationMs: s.durationMs };
    log(`throughput: Tandem on ${label}, GET /health`);
    const health = await load({ url: `${base}/health`, ...common });
    log(`throughput: Tandem on ${label}, GET /api/workspaces/:id`);
    const read = await load({ url: `${base}/api/workspaces/${workspaceId}`, headers: { cookie }, ...common });
    return [
      { name: `Tandem on ${label}: GET /health (no auth, no DB)`, result: health, serverCpu: health.serverCpu },
      { name: `Tandem on ${label}: GET /api/workspaces/:id (session cookie)`, result: read, serverCpu: read.serverCpu },
    ];
  } finally {
    await tandem?.close();
  }
}



export async function runThroughput(s: ThroughputSettings, adminUrl = testEnv().testDatabaseUrl ?? DEFAULT_TEST_DATABASE_URL): Promise<string> {
  const rows: Row[] = [];
  log('throughput: bare Fastify');
  const bare = await bareFastify(s);
  rows.push(bare);
  rows.push(...(await tandemRows('PGlite (memory://)', {}, s)));

  const reachable = await postgresReachable(adminUrl);
  if (reachable === true) {
    const db = await createPostgresDatabase();
    try {
      rows.push(...(await tandemRows('PostgreSQL', { DATABASE_URL: db.url, SECRET_KEY: randomBytes(32).toString('hex') }, s)));
    } finally {
      // pg's Pool.end() resolves before its sockets have closed, and Tandem's pool has no 'error'
      // listener: a DROP ... WITH (FORCE) that kills a still-closing connection would crash this run.
      await waitForNoConnections(adminUrl, new URL(db.url).pathname.slice(1));
      await db.drop();
    }
  } else {
    rows.push({ name: 'Tandem on PostgreSQL', result: null, note: `skipped: no server at ${adminUrl} (${reachable})` });
  }

  const baseRps = bare.result!.rps;
  const body = rows.map((r) => {
    if (!r.result) return [r.name, r.note ?? 'n/a', '', '', '', '', '', '', ''];
    const x = r.result;
    const bad = x.non2xx || x.errors ? `${x.non2xx} non-2xx${x.firstBadStatus ? ` (${x.firstBadStatus})` : ''}, ${x.errors} socket errors` : '0';
    return [r.name, fmt.int(x.rps), fmt.ms(x.p50Ms), fmt.ms(x.p99Ms), fmt.int(x.requests), bad, (r.serverCpu ?? NaN).toFixed(2), x.clientCpu.toFixed(2), fmt.ratio(x.rps / baseRps)];
  });
  return [
    `### Request throughput (${s.connections} keep-alive connections, ${s.warmupMs / 1000} s warm-up + ${s.durationMs / 1000} s measured per row, load from a separate process)`,
    '',
    table(['target', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'errors', 'server CPU (cores)', 'load generator CPU (cores)', 'req/s ÷ bare'], body),
  ].join('\n');
}
