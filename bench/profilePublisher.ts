// npm run bench:profile-publisher  (N=3000 posts, CONC=<PUBLISH_CONCURRENCY> to override)
// N posts due at one instant on 10 sink channels, on a throwaway PostgreSQL database; prints posts/s
// and where the process spent its CPU while publishing (node:inspector sampling, self time by package).
// This is how docs/BENCHMARKS.md's concurrency figures (161/s at 32, 355/s at 64, 591/s at 128) were found.
import { Session } from 'node:inspector/promises';
import { randomBytes } from 'node:crypto';
import { sinkStore } from '../connectors/sink';
import { readEnv } from '../server/env';
import { startTandem } from '../server/main';
import { signUpUser } from '../server/test/apiClient';
import { createPostgresDatabase } from '../server/test/testDatabase';

const N = Number(process.env.N ?? 3000);
const CH = 10;
const db = await createPostgresDatabase();
const env = readEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: 'memory://', LOG_LEVEL: 'silent', DEMO: 'false', LOGIN_MAX_PER_MINUTE: '1000', ENABLE_SINK_CONNECTOR: 'true', DATABASE_URL: db.url, SECRET_KEY: randomBytes(32).toString('hex'), ...(process.env.CONC ? { PUBLISH_CONCURRENCY: process.env.CONC } : {}) }, {});
const tandem = await startTandem(env, { webDist: '/nonexistent' });
const base = `http://127.0.0.1:${new URL(tandem.url!).port}`;
const { client } = await signUpUser(base, 'Prof');
const ws = (await client.post('/api/workspaces', { name: 'Prof', timeZone: 'UTC' })).body.id;
const run = randomBytes(3).toString('hex');
const chs: string[] = [];
for (let k = 0; k < CH; k++) chs.push((await client.post(`/api/workspaces/${ws}/channels`, { network: 'sink', credentials: { account: `p${run}${k}` } })).body.id);
const ids: string[] = [];
let next = 0;
await Promise.all(Array.from({ length: 8 }, async () => { for (let i = next++; i < N; i = next++) ids[i] = (await client.post(`/api/workspaces/${ws}/posts`, { text: `P ${i}`, channelIds: [chs[i % CH]] })).body.id; }));
const T = new Date(Date.now() + 120_000);
next = 0;
const t0 = Date.now();
await Promise.all(Array.from({ length: 8 }, async () => { for (let i = next++; i < N; i = next++) await client.post(`/api/workspaces/${ws}/posts/${ids[i]}/schedule`, { scheduledAt: T.toISOString() }); }));
console.log('scheduled in', Date.now() - t0, 'ms; waiting for T', T.toISOString());
while (Date.now() < T.getTime() - 100) await new Promise((r) => setTimeout(r, 50));
const s = new Session();
s.connect();
await s.post('Profiler.enable');
await s.post('Profiler.setSamplingInterval', { interval: 500 });
await s.post('Profiler.start');
const mine = new Set(Array.from({ length: CH }, (_, k) => `p${run}${k}`));
const c0 = process.cpuUsage();
while (sinkStore.posts.filter((p) => mine.has(p.account)).length < N) await new Promise((r) => setTimeout(r, 100));
const { profile } = await s.post('Profiler.stop');
const cpu = process.cpuUsage(c0);
const posts = sinkStore.posts.filter((p) => mine.has(p.account));
const last = Math.max(...posts.map((p) => p.publishedAt.getTime()));
console.log(`published ${N} in ${(last - T.getTime()) / 1000}s => ${(N / ((last - T.getTime()) / 1000)).toFixed(0)}/s; cpu ${(cpu.user + cpu.system) / 1000} ms`);
printTop(profile as unknown as Profile);
await tandem.close();
await db.drop().catch(() => undefined);
process.exit(0);

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time by package (or project file), largest first. */
function printTop(p: Profile) {
  const byNode = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const url = byNode.get(id)?.callFrame.url ?? '';
    const key = url.includes('/node_modules/') ? url.split('/node_modules/').at(-1)!.split('/')[0]! : url.replace(/^file:\/\/.*?\/(server|connectors|shared)\//, '$1/') || byNode.get(id)?.callFrame.functionName || '?';
    self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`);
}
