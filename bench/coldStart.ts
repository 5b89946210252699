import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, log, median, table } from './report';

/**
 * Cold start of the embedded mode: time from spawn() until an HTTP probe answers 200, and the
 * process's memory after it has sat idle. Baselines run in the same way in the same run.
 */
export interface ColdStartSettings {
  repeats: number;
  idleMs: number;
}

interface Sample {
  readyMs: number;
  rssKb: number;
  hwmKb: number;
  /** CPU used while idle, as a share of one core. */
  idleCpu: number;
  /** Tandem only: startTandem's own time (its "Tandem is listening" log line), the rest being process start and imports. */
  startTandemMs?: number;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const READY_TIMEOUT_MS = 120_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function probe(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: 1000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

function memory(pid: number): { rssKb: number; hwmKb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
}

/** utime + stime of a process, in ms (clock ticks are 10 ms on Linux). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Spawns args (with {PORT}), polls readyPath until 200, idles, reads memory, stops the process. */
async function measure(args: (port: number) => string[], readyPath: string, s: ColdStartSettings, env: NodeJS.ProcessEnv = {}): Promise<Sample> {
  const port = await freePort();
  let output = '';
  const t0 = performance.now();
  const child = spawn(process.execPath, args(port), { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  try {
    let readyMs = NaN;
    while (performance.now() - t0 < READY_TIMEOUT_MS) {
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before ready:\n${output.slice(-2000)}`);
      if ((await probe(`http://127.0.0.1:${port}${readyPath}`)) === 200) {
        readyMs = performance.now() - t0;
        break;
      }
      await sleep(20);
    }
    if (!Number.isFinite(readyMs)) throw new Error(`not ready within ${READY_TIMEOUT_MS / 1000} s:\n${output.slice(-2000)}`);
    const cpu0 = cpuMs(child.pid!);
    await sleep(s.idleMs);
    const idleCpu = (cpuMs(child.pid!) - cpu0) / s.idleMs;
    const listening = /"ms":(\d+)[^\n]*"msg":"Tandem is listening"/.exec(output);
    return { readyMs, ...memory(child.pid!), idleCpu, startTandemMs: listening ? Number(listening[1]) : undefined };
  } finally {
    await stop(child);
  }
}

const BARE_NODE = (port: number) => ['-e', `require('http').createServer((q, r) => r.end('ok')).listen(${port}, '127.0.0.1')`];

/** PGlite.create on a folder, one query, then an HTTP server that answers after a query. */
const BARE_PGLITE = (dir: string) => (port: number) => [
  '--input-type=module',
  '-e',
  `import http from 'node:http';
   import { PGlite } from '@electric-sql/pglite';
   const db = await PGlite.create(${JSON.stringify(dir)});
   await db.query('SELECT 1');
   const server = http.createServer(async (q, r) => { await db.query('SELECT 1'); r.end('ok'); }).listen(${port}, '127.0.0.1');
   process.once('SIGTERM', async () => { server.close(); await db.close(); process.exit(0); });`,
];

const TANDEM = (dir: string) => (port: number) => ['cli/bin.js', 'start', '--port', String(port), '--data-dir', dir];

interface Case {
  name: string;
  samples: Sample[];
}

export async function runColdStart(s: ColdStartSettings): Promise<string> {
  const cases = new Map<string, Case>();
  const add = (name: string, sample: Sample) => {
    const c = cases.get(name) ?? { name, samples: [] };
    c.samples.push(sample);
    cases.set(name, c);
  };
  const NAMES = {
    node: 'bare node http server (baseline)',
    pgNew: 'bare PGlite.create, new dir (baseline)',
    pgOld: 'bare PGlite.create, existing dir (baseline)',
    tNew: 'Tandem embedded, new data dir (create, migrate, seed demo)',
    tOld: 'Tandem embedded, existing data dir',
  } as const;

  for (let i = 1; i <= s.repeats; i++) {
    const scratch = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
    try {
      log(`cold start ${i}/${s.repeats}: bare node`);
      add(NAMES.node, await measure(BARE_NODE, '/', s));
      log(`cold start ${i}/${s.repeats}: bare PGlite, new dir`);
      add(NAMES.pgNew, await measure(BARE_PGLITE(join(scratch, 'pglite')), '/', s));
      log(`cold start ${i}/${s.repeats}: bare PGlite, existing dir`);
      add(NAMES.pgOld, await measure(BARE_PGLITE(join(scratch, 'pglite')), '/', s));
      log(`cold start ${i}/${s.repeats}: Tandem, new data dir`);
      add(NAMES.tNew, await measure(TANDEM(join(scratch, 'tandem')), '/ready', s));
      log(`cold start ${i}/${s.repeats}: Tandem, existing data dir`);
      add(NAMES.tOld, await measure(TANDEM(join(scratch, 'tandem')), '/ready', s));
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }

  const med = (name: string) => {
    const c = cases.get(name)!;
    const inTandem = c.samples.map((x) => x.startTandemMs).filter((x): x is number => x !== undefined);
    return {
      ready: median(c.samples.map((x) => x.readyMs)),
      rss: median(c.samples.map((x) => x.rssKb)),
      hwm: median(c.samples.map((x) => x.hwmKb)),
      cpu: median(c.samples.map((x) => x.idleCpu)),
      startTandem: inTandem.length ? fmt.s(median(inTandem)) : '—',
      all: c.samples.map((x) => fmt.s(x.readyMs)).join(', '),
    };
  };
  const baselineFor: Record<string, string> = { [NAMES.node]: NAMES.node, [NAMES.pgNew]: NAMES.node, [NAMES.pgOld]: NAMES.node, [NAMES.tNew]: NAMES.pgNew, [NAMES.tOld]: NAMES.pgOld };
  const rows = Object.values(NAMES).map((name) => {
    const m = med(name);
    const b = med(baselineFor[name]!);
    const vs = name === baselineFor[name] ? '—' : `${fmt.ratio(m.ready / b.ready)} time, ${fmt.ratio(m.rss / b.rss)} RSS (vs ${baselineFor[name] === NAMES.node ? 'bare node' : baselineFor[name] === NAMES.pgNew ? 'PGlite new dir' : 'PGlite existing dir'})`;
    const sign = (n: number, text: string) => (n >= 0 ? `+${text}` : text);
    const added = name === baselineFor[name] ? '—' : `${sign(m.ready - b.ready, fmt.s(m.ready - b.ready))} s, ${sign(m.rss - b.rss, fmt.mb(m.rss - b.rss))} MB`;
    return [name, fmt.s(m.ready), m.all, m.startTandem, fmt.mb(m.rss), fmt.mb(m.hwm), `${(m.cpu * 100).toFixed(1)}%`, vs, added];
  });
  return [
    `### Cold start, embedded mode (median of ${s.repeats}; ready = spawn() until the HTTP probe answers 200; RSS and CPU read from /proc over ${s.idleMs / 1000} s idle after ready; "startTandem" is the time Tandem logs from startTandem() to listening, the rest of "ready" being node, tsx and module loading)`,
    '',
    table(['process', 'ready s (median)', 'each run s', 'of which startTandem s', 'idle RSS MB', 'peak RSS MB (VmHWM)', 'idle CPU (one core)', 'ratio to its baseline', 'added on top'], rows),
  ].join('\n');
}
