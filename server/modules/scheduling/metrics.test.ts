import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blueskyNetworkGate, startBlueskyNetwork, type BlueskyTestNetwork, type TestAccount } from '../../../connectors/test/blueskyNetwork';
import { postMetrics } from '../../db/schema';
import { ApiClient, signUpUser } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { until } from '../../test/until';
import { collectMetrics } from './jobs/collectMetrics';

/**
 * Engagement collection end to end on a real local Bluesky network: publish through Tandem, like the
 * post from another account, run scheduling.collectMetrics, read the counts. PostgreSQL pass only
 * (the network's AppView needs PostgreSQL).
 */
const gate = await blueskyNetworkGate();
if (!gate.run) console.log(gate.reason);

describe.skipIf(!gate.run)('metrics collection from Bluesky', { timeout: 120_000 }, () => {
  let net: BlueskyTestNetwork;
  let alice: TestAccount;
  let bob: TestAccount;
  let t: TestTandem;
  let owner: ApiClient;
  let ws: string;

  beforeAll(async () => {
    net = await startBlueskyNetwork();
    [alice, bob] = await Promise.all([net.createAccount('alice'), net.createAccount('bob')]);
    // The local Bluesky network is on loopback.
    t = await startTestTandem({ LINK_PREVIEW_PRIVATE_HOSTS: 'true' });
    owner = (await signUpUser(t.baseUrl, 'Owner')).client;
    ws = (await owner.post('/api/workspaces', { name: 'Metrics' })).body.id;
  }, 180_000);
  afterAll(async () => {
    await t?.stop();
    await net?.close();
  }, 60_000);

  it('publishes, gets liked by another account, and collects likes = 1 into post_metrics', async () => {
    const { data } = await alice.agent.com.atproto.server.createAppPassword({ name: 'tandem' });
    const ch = await owner.post(`/api/workspaces/${ws}/channels`, { network: 'bluesky', credentials: { identifier: alice.handle, appPassword: data.password, service: net.pdsUrl }, timeZone: 'Europe/Rome' });
    expect(ch.status, JSON.stringify(ch.body)).toBe(201);
    const post = (await owner.post(`/api/workspaces/${ws}/posts`, { text: 'Metrics, please', channelIds: [ch.body.id] })).body;
    await owner.post(`/api/workspaces/${ws}/posts/${post.id}/publish`);
    const done = await until('the post to be published', async () => {
      const p = (await owner.get(`/api/workspaces/${ws}/posts/${post.id}`)).body;
      return p.status === 'published' && p;
    });
    const target = done.targets[0];
    await net.sync();
    const { data: view } = await bob.agent.app.bsky.feed.getPosts({ uris: [target.remoteRefs[0].id] });
    await bob.agent.like(view.posts[0]!.uri, view.posts[0]!.cid);
    await net.sync();

    await t.jobs.enqueue(t.database.db, collectMetrics, { days: 7, workspaceId: ws });
    const row = await until('metrics to be collected', async () => (await t.database.db.select().from(postMetrics).where(eq(postMetrics.targetId, target.id)))[0]);
    expect(row).toMatchObject({ workspaceId: ws, channelId: ch.body.id, likes: 1, reposts: 0, replies: 0, quotes: 0 });

    // A reply and a repost show up on the next run (the job overwrites the latest counts).
    await bob.agent.repost(view.posts[0]!.uri, view.posts[0]!.cid);
    await net.sync();
    await t.jobs.enqueue(t.database.db, collectMetrics, { days: 7, workspaceId: ws });
    await until('the repost to be counted', async () => (await t.database.db.select().from(postMetrics).where(eq(postMetrics.targetId, target.id)))[0]?.reposts === 1);

    // The post now counts in the channel's best times.
    const best = (await owner.get(`/api/workspaces/${ws}/channels/${ch.body.id}/best-times`)).body;
    expect(best).toMatchObject({ totalPosts: 1, priorShare: 0.95, network: 'bluesky' });
  });
});
