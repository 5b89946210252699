import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { readEnv, testEnv } from '../server/env';
import { startTandem, type Tandem } from '../server/main';
import { forumAssets } from '../server/modules/community/pages/forumAssets';
import { createPostgresDatabase, DEFAULT_TEST_DATABASE_URL } from '../server/test/testDatabase';
import type { LoadResult } from './loadgen';
import { postgresReachable, waitForNoConnections } from './postgres';
import { fmt, log, median, table } from './report';
import { load, signUpAndCreate, type ThroughputSettings } from './throughput';

const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));
const REPLIES = 200;
const MEMBERS = 10;

interface Json {
  [k: string]: unknown;
}

async function call(base: string, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<{ json: Json; setCookie: string | null }> {
  const res = await fetch(base + path, { method, headers: { ...headers, ...(body !== undefined && { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return { json: text ? (JSON.parse(text) as Json) : {}, setCookie: res.headers.get('set-cookie') };
}

/** A community with one public thread of 200 replies by 10 members (with reactions), built through the API. */
async function seedThread(base: string): Promise<{ communityId: string; threadId: string; poster: Record<string, string> }> {
  const { cookie, workspaceId } = await signUpAndCreate(base);
  const me = await call(base, 'GET', '/api/me', { cookie });
  const team = { cookie, 'x-csrf-token': String(me.json.csrfToken) };
  await call(base, 'PUT', `/api/workspaces/${workspaceId}/community`, team, {
    name: 'Bench community',
    description: 'Where the benchmark talks.',
    guidelines: 'Be kind.',
    // 200 replies by 10 new members in seconds: the new-member limits would stop the seeding.
    newMemberLimits: { threadsPerDay: 0, repliesPerDay: 0, secondsBetweenThreads: 0, secondsBetweenReplies: 0 },
  });
  const space = await call(base, 'POST', `/api/workspaces/${workspaceId}/community/spaces`, team, { name: 'Brewing', slug: 'brewing' });
  const thread = await call(base, 'POST', `/api/workspaces/${workspaceId}/community/spaces/${String(space.json.id)}/threads`, team, { title: 'How do you brew your morning coffee?', body: 'Tell us **everything**: beans, grind, water, time.' });
  const threadId = String(thread.json.id);
  const api = `/api/communities/${workspaceId}`;
  const members = await Promise.all(
    Array.from({ length: MEMBERS }, async (_, i) => {
      const res = await call(base, 'POST', `${api}/signup`, {}, { email: `bench-member-${i}-${randomBytes(3).toString('hex')}@example.test`, password: 'correct horse battery staple', displayName: `Member ${i}` });
      const member = { cookie: /tandem_community=[^;]+/.exec(res.setCookie ?? '')![0], 'x-community-csrf': String(res.json.csrfToken) };
      await call(base, 'POST', `${api}/guidelines/acknowledge`, member);
      return member;
    }),
  );
  for (let r = 0; r < REPLIES; r++) {
    const member = members[r % MEMBERS]!;
    const post = await call(base, 'POST', `${api}/threads/${threadId}/replies`, member, { body: `Reply ${r}: I use a _moka pot_, medium-fine grind, and [this guide](https://example.com/guide/${r}). ${'Coffee is a ritual. '.repeat(3)}` });
    if (r % 4 === 0) await call(base, 'PUT', `${api}/posts/${String(post.json.id)}/reactions/like`, members[(r + 1) % MEMBERS]!);
  }
  return { communityId: workspaceId, threadId, poster: members[0]! };
}

function gz(bytes: Buffer | string): number {
  return gzipSync(bytes).length;
}

/** HTML of the page plus the JS and CSS it loads before hydrating, gzip'd as a server would send them. */
function pageWeight(html: string): { htmlGz: number; jsGz: number; cssGz: number } | null {
  const assets = forumAssets(WEB_DIST);
  if (!assets) return null;
  const sum = (files: string[]) => files.reduce((total, f) => total + gz(readFileSync(`${WEB_DIST}${f}`)), 0);
  return { htmlGz: gz(html), jsGz: sum([assets.script, ...assets.preloads]), cssGz: sum(assets.styles) };
}

function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

/** Milliseconds from sending each reply to its post.created event on another reader's live stream. */
async function liveLatency(base: string, communityId: string, threadId: string, poster: Record<string, string>, samples: number): Promise<number[]> {
  const api = `/api/communities/${communityId}`;
  const seen = new Map<string, number>();
  const controller = new AbortController();
  const res = await fetch(`${base}${api}/live?thread=${threadId}`, { signal: controller.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const reading = (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^event: post\.created\ndata: (.*)$/m.exec(event)?.[1];
        if (data) seen.set((JSON.parse(data) as { postId: string }).postId, performance.now());
      }
    }
  })();
  const latencies: number[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now();
      const post = await call(base, 'POST', `${api}/threads/${threadId}/replies`, poster, { body: `Live reply ${i}` });
      const id = String(post.json.id);
      const deadline = Date.now() + 10_000;
      while (!seen.has(id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1));
      latencies.push((seen.get(id) ?? Number.POSITIVE_INFINITY) - t0);
    }
  } finally {
    controller.abort();
    await reading;
  }
  return latencies;
}

interface Row {
  name: string;
  result: LoadResult & { serverCpu: number };
}

/**
 * A public thread page with 200 replies rendered from PostgreSQL, against the same thread's JSON
 * served by a bare Fastify route in the same run (issue 6: goal ≥ 0.5×), and its page weight.
 */
export async function runCommunityPage(s: ThroughputSettings, adminUrl = testEnv().testDatabaseUrl ?? DEFAULT_TEST_DATABASE_URL): Promise<string> {
  const title = `### Public thread page, ${REPLIES} replies, PostgreSQL (${s.connections} connections, ${s.warmupMs / 1000} s warm-up + ${s.durationMs / 1000} s per row)`;
  const reachable = await postgresReachable(adminUrl);
  if (reachable !== true) return `${title}\n\nskipped: no PostgreSQL at ${adminUrl} (${reachable})`;
  if (!existsSync(WEB_DIST)) return `${title}\n\nskipped: build the web app first (npm run build:web) to weigh the page`;
  const db = await createPostgresDatabase();
  let tandem: Tandem | undefined;
  let cached: Tandem | undefined;
  try {
    // Two instances on one database: one renders every request, one keeps pages for anonymous readers.
    const secret = randomBytes(32).toString('hex');
    const env = (cacheSeconds: string) => readEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: 'memory://', LOG_LEVEL: 'silent', DEMO: 'false', LOGIN_MAX_PER_MINUTE: '10000', DATABASE_URL: db.url, SECRET_KEY: secret, COMMUNITY_PAGE_CACHE_SECONDS: cacheSeconds }, {});
    tandem = await startTandem(env('0'), { webDist: WEB_DIST });
    cached = await startTandem(env('2'), { webDist: WEB_DIST });
    const base = `http://127.0.0.1:${new URL(tandem.url!).port}`;
    const cachedBase = `http://127.0.0.1:${new URL(cached.url!).port}`;
    log(`community page: seeding a thread with ${REPLIES} replies`);
    const { communityId, threadId, poster } = await seedThread(base);
    const json = await (await fetch(`${base}/api/communities/${communityId}/threads/${threadId}`)).text();
    const first = await fetch(`${base}/c/${communityId}/t/${threadId}`, { redirect: 'manual' });
    const pageUrl = base + (first.headers.get('location') ?? '');
    const html = await (await fetch(pageUrl)).text();
    if (!html.includes('Reply 199:')) throw new Error('the page does not hold the last reply');

    const bare = Fastify();
    bare.get('/thread', async (_req, reply) => reply.type('application/json').send(json));
    const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
    const common = { connections: s.connections, warmupMs: s.warmupMs, durationMs: s.durationMs };
    const rows: Row[] = [];
    try {
      log('community page: bare Fastify, the thread as constant JSON');
      rows.push({ name: 'bare Fastify: the same thread as constant JSON (baseline)', result: await load({ url: `${bareUrl}/thread`, ...common }) });
    } finally {
      await bare.close();
    }
    log('community page: Tandem, the thread JSON from the member API');
    rows.push({ name: 'Tandem: GET /api/communities/:id/threads/:id (JSON from PostgreSQL)', result: await load({ url: `${base}/api/communities/${communityId}/threads/${threadId}`, ...common }) });
    log('community page: Tandem, the server-rendered page');
    rows.push({ name: 'Tandem: GET /c/:id/t/:id/:slug (complete HTML from PostgreSQL, rendered every time)', result: await load({ url: pageUrl, ...common }) });
    log('community page: Tandem, the page for anonymous readers with the 2 s page cache');
    rows.push({ name: 'Tandem: the same page, anonymous, COMMUNITY_PAGE_CACHE_SECONDS=2 (default)', result: await load({ url: pageUrl.replace(base, cachedBase), ...common }) });

    log('community page: a reply posted, seen by another reader on the live stream');
    const live = await liveLatency(base, communityId, threadId, poster, 30);

    const baseRps = rows[0]!.result.rps;
    const weight = pageWeight(html);
    const body = rows.map((r) => [r.name, fmt.int(r.result.rps), fmt.ms(r.result.p50Ms), fmt.ms(r.result.p99Ms), `${r.result.non2xx} / ${r.result.errors}`, r.result.serverCpu.toFixed(2), fmt.ratio(r.result.rps / baseRps)]);
    return [
      title,
      '',
      table(['target', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx / errors', 'server CPU (cores)', 'req/s ÷ bare'], body),
      '',
      `JSON of the thread: ${fmt.int(json.length / 1024)} KB (${fmt.int(gz(json) / 1024)} KB gzip'd). Page weight before hydration, gzip'd: HTML ${(html.length / 1024).toFixed(0)} KB → ${weight ? (weight.htmlGz / 1024).toFixed(1) : 'n/a'} KB` +
        (weight
          ? `, JavaScript ${(weight.jsGz / 1024).toFixed(1)} KB: HTML + JS ${((weight.htmlGz + weight.jsGz) / 1024).toFixed(1)} KB (goal < 100 KB); with the stylesheet (${(weight.cssGz / 1024).toFixed(1)} KB) ${((weight.htmlGz + weight.jsGz + weight.cssGz) / 1024).toFixed(1)} KB.`
          : '.'),
      '',
      `A reply posted by one member, seen by another reader's open live stream (SSE, from sending the POST to the post.created event; ${live.length} replies one after another): p50 ${fmt.ms(median(live))} ms, p99 ${fmt.ms(quantile(live, 0.99))} ms, max ${fmt.ms(Math.max(...live))} ms (goal < 1 s).`,
    ].join('\n');
  } finally {
    await cached?.close();
    await tandem?.close();
    await waitForNoConnections(adminUrl, new URL(db.url).pathname.slice(1));
    await db.drop();
  }
}
