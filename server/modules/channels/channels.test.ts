import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sinkStore } from '../../../connectors/sink';
import { channelMetricSamples, channels, postMetricSamples, postMetrics } from '../../db/schema';
import { ApiClient, signUpUser } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { until } from '../../test/until';
import { collectMetrics } from '../scheduling/jobs/collectMetrics';

/**
 * Channels beyond connecting: each account's own limits, health recorded by the publisher, metric
 * time series (posts and followers). Over HTTP on the local sink network; both databases.
 */
let t: TestTandem;
let ws: string;
let owner: ApiClient;

beforeAll(async () => {
  // No LINK_PREVIEW_PRIVATE_HOSTS: the server must refuse addresses on its own network.
  t = await startTestTandem({ ENABLE_SINK_CONNECTOR: 'true', OAUTH_SINK_OAUTH_CLIENT_ID: 'tandem-test', OAUTH_SINK_OAUTH_CLIENT_SECRET: 's3cret' });
  owner = (await signUpUser(t.baseUrl, 'Owner')).client;
  ws = (await owner.post('/api/workspaces', { name: 'Channels' })).body.id;
});
afterAll(async () => t?.stop());

let n = 0;
async function channel(setUp?: (account: string) => void) {
  const account = `ch${++n}${Math.random().toString(36).slice(2, 6)}`;
  setUp?.(account);
  const res = await owner.post(`/api/workspaces/${ws}/channels`, { network: 'sink', credentials: { account } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.id as string, account, shown: res.body };
}

const settled = (id: string) =>
  until(`post ${id} to settle`, async () => {
    const p = (await owner.get(`/api/workspaces/${ws}/posts/${id}`)).body;
    return ['published', 'failed', 'unknown'].includes(p.status) && p;
  });

async function publishNow(channelId: string, text: string) {
  const post = await owner.post(`/api/workspaces/${ws}/posts`, { text, channelIds: [channelId] });
  expect(post.status, JSON.stringify(post.body)).toBe(201);
  const res = await owner.post(`/api/workspaces/${ws}/posts/${post.body.id}/publish`);
  return { res, id: post.body.id as string };
}

describe('typed server addresses (SSRF)', () => {
  it('refuses private, local and non-web addresses before any call, with a message on the field', async () => {
    for (const [network, credentials, field] of [
      ['mastodon', { instance: 'http://127.0.0.1:9', accessToken: 'x' }, 'instance'],
      ['mastodon', { instance: '10.0.0.5', accessToken: 'x' }, 'instance'],
      ['mastodon', { instance: 'http://[::1]:3000', accessToken: 'x' }, 'instance'],
      ['bluesky', { identifier: 'a.test', appPassword: 'x', service: 'http://localhost:2583' }, 'service'],
      ['mastodon', { instance: 'ftp://mastodon.social', accessToken: 'x' }, 'instance'],
    ] as const) {
      const res = await owner.post(`/api/workspaces/${ws}/channels`, { network, credentials });
      expect(res.status, JSON.stringify(credentials)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.error.details.fields)).toEqual([field]);
    }
    const local = await owner.post(`/api/workspaces/${ws}/channels`, { network: 'mastodon', credentials: { instance: 'http://127.0.0.1:9', accessToken: 'x' } });
    expect(local.body.error.message).toMatch(/127\.0\.0\.1 is not a public server/);
  });

  it('refuses an OAuth sign-in on a private server', async () => {
    const res = await owner.post(`/api/workspaces/${ws}/channels/oauth/sink-oauth/start`, { baseUrl: 'http://127.0.0.1:9' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields).toHaveProperty('baseUrl');
  });
});

describe('an account\'s own limits', () => {
  it('are stored at connect and used over the network\'s for counting and validation', async () => {
    const long = await channel((a) => sinkStore.setLimits(a, { text: [{ unit: 'graphemes', max: 500 }], media: { maxItems: 2 } }));
    const plain = await channel();
    expect(long.shown.textRules).toEqual([{ unit: 'graphemes', max: 500 }]);
    expect(long.shown.media).toMatchObject({ maxItems: 2, imageTypes: ['image/png', 'image/jpeg'] });
    expect(plain.shown.textRules).toEqual([{ unit: 'graphemes', max: 300 }]);
    expect(plain.shown.media.maxItems).toBe(4);
    expect(JSON.stringify(long.shown)).not.toContain('limits');

    const text = 'x'.repeat(400);
    const ok = await publishNow(long.id, text);
    expect(ok.res.status, JSON.stringify(ok.res.body)).toBe(200);
    expect((await settled(ok.id)).status).toBe('published');
    const refused = await publishNow(plain.id, text);
    expect(refused.res.status).toBe(400);
    expect(refused.res.body.error.message).toMatch(/limit is 300/);
  });
});

describe('channel health', () => {
  it('is recorded by the publisher: a transient error stays connected, a success stamps last OK, an expired sign-in asks for reconnection', async () => {
    const c = await channel();
    const health = async () => (await owner.get(`/api/workspaces/${ws}/channels`)).body.channels.find((x: { id: string }) => x.id === c.id);
    sinkStore.failNext(1, { kind: 'transient', message: 'Sink is restarting (health)' }, 'publish', c.account);
    const first = await publishNow(c.id, 'Health one');
    expect((await settled(first.id)).status).toBe('published');
    const h1 = await health();
    expect(h1).toMatchObject({ status: 'connected', lastError: 'Sink is restarting (health)' });
    expect(new Date(h1.lastOkAt).getTime()).toBeGreaterThanOrEqual(new Date(h1.lastErrorAt).getTime());

    sinkStore.failNext(1, { kind: 'auth_expired', message: 'Token revoked (health)' }, 'publish', c.account);
    await publishNow(c.id, 'Health two');
    await until('the channel to need reconnecting', async () => (await health()).status === 'needs_reconnect');
    expect(await health()).toMatchObject({ status: 'needs_reconnect', lastError: 'Token revoked (health)' });
    const notes = (await owner.get(`/api/workspaces/${ws}/notifications`)).body.notifications as { kind: string; payload: Record<string, string> }[];
    expect(notes.some((x) => x.kind === 'channel.needs_reconnect' && x.payload.channelId === c.id)).toBe(true);
  });

  it('never returns credentials, sealed or not', async () => {
    await channel();
    const body = JSON.stringify((await owner.get(`/api/workspaces/${ws}/channels`)).body);
    expect(body).not.toMatch(/authSealed|auth_sealed|"auth"|v1\.[A-Za-z0-9_-]+\./);
  });
});

describe('metric time series', () => {
  it('keeps every collection of a post\'s counters (raw names too) and samples the channel\'s followers', async () => {
    const c = await channel((a) => sinkStore.setFollowers(a, 120));
    const { id } = await publishNow(c.id, 'Measure me');
    const p = await settled(id);
    const target = p.targets[0];
    sinkStore.setMetrics(target.remoteRefs[0].id, { likes: 4, reposts: 1, replies: 2, quotes: 0, impressions: 300, raw: { like_count: 4, view_count: 300 } });

    await t.jobs.enqueue(t.database.db, collectMetrics, { days: 1, workspaceId: ws });
    await until('the first samples', async () => (await t.database.db.select().from(channelMetricSamples).where(eq(channelMetricSamples.channelId, c.id))).length === 1);
    sinkStore.setFollowers(c.account, 125);
    sinkStore.setMetrics(target.remoteRefs[0].id, { likes: 6, reposts: 1, replies: 2, quotes: 1, raw: { like_count: 6 } });
    await t.jobs.enqueue(t.database.db, collectMetrics, { days: 1, workspaceId: ws });
    await until('the second samples', async () => (await t.database.db.select().from(channelMetricSamples).where(eq(channelMetricSamples.channelId, c.id))).length === 2);

    const samples = await t.database.db.select().from(postMetricSamples).where(eq(postMetricSamples.targetId, target.id));
    expect(samples.map((s) => s.counters).sort((a, b) => a.likes! - b.likes!)).toEqual([
      { likes: 4, reposts: 1, replies: 2, quotes: 0, impressions: 300 },
      { likes: 6, reposts: 1, replies: 2, quotes: 1 },
    ]);
    expect(samples.find((s) => s.counters.likes === 4)!.raw).toEqual({ like_count: 4, view_count: 300 });
    expect((await t.database.db.select().from(postMetrics).where(eq(postMetrics.targetId, target.id)))[0]).toMatchObject({ likes: 6, quotes: 1 });

    const series = await owner.get(`/api/workspaces/${ws}/channels/${c.id}/metrics?days=7`);
    expect(series.status).toBe(200);
    expect(series.body.samples.map((s: { followers: number }) => s.followers)).toEqual([120, 125]);
    expect(series.body.samples[0].raw).toMatchObject({ followers_count: 120 });
    expect((await owner.get(`/api/workspaces/${ws}/channels/00000000-0000-4000-8000-000000000000/metrics`)).status).toBe(404);
  });

  it('records a failed collection on the channel and keeps it connected', async () => {
    // The first channel the job asks gets the failure.
    sinkStore.failNext(1, { kind: 'rate_limited', message: 'Metrics quota used up', retryAfter: new Date(Date.now() + 60_000) }, 'metrics');
    await t.jobs.enqueue(t.database.db, collectMetrics, { days: 1, workspaceId: ws });
    const row = await until('the failure to be recorded', async () => (await t.database.db.select().from(channels).where(eq(channels.workspaceId, ws))).find((r) => r.lastError === 'Metrics quota used up'));
    expect(row.status).toBe('connected');
    expect(row.rateLimitedUntil).toBeTruthy();
  });
});
