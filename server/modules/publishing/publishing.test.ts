import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sinkStore } from '../../../connectors/sink';
import type { Role } from '../../../shared/roles';
import { ApiClient, signUpUser } from '../../test/apiClient';
import { addMember } from '../../test/workspaceMember';
import { connectSinkChannel } from '../../test/sinkChannel';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { until } from '../../test/until';

/** The publisher through HTTP, against the local sink network; both databases. */
let t: TestTandem;
let ws: string;
let owner: ApiClient;
let smm: ApiClient;
let client: ApiClient;

const member = (roles: Role[]) => addMember(t, ws, roles);
const channel = () => connectSinkChannel(owner, ws);

async function draft(body: Record<string, unknown>) {
  const res = await smm.post(`/api/workspaces/${ws}/posts`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

const post = async (id: string) => (await owner.get(`/api/workspaces/${ws}/posts/${id}`)).body;
const attempts = async (id: string) => (await owner.get(`/api/workspaces/${ws}/posts/${id}/attempts`)).body.attempts as { outcome: string; errorKind: string | null; partIndex: number; message: string | null }[];
const settled = (id: string) => until(`post ${id} to settle`, async () => {
  const p = await post(id);
  return ['published', 'failed', 'unknown'].includes(p.status) && p;
});

beforeAll(async () => {
  t = await startTestTandem({ ENABLE_SINK_CONNECTOR: 'true' });
  owner = (await signUpUser(t.baseUrl, 'Owner')).client;
  ws = (await owner.post('/api/workspaces', { name: 'Publishing' })).body.id;
  smm = await member(['social_media_manager']);
  client = await member(['client']);
});
afterAll(async () => t?.stop());

describe('channels', () => {
  it('connects a sink account, lists it without credentials, and refuses an unknown network', async () => {
    const c = await channel();
    const list = await smm.get(`/api/workspaces/${ws}/channels`);
    const found = list.body.channels.find((x: { id: string }) => x.id === c.id);
    expect(found).toMatchObject({ network: 'sink', accountHandle: c.account, status: 'connected' });
    expect(JSON.stringify(list.body)).not.toMatch(/authSealed|auth_sealed|"auth"|v1\./);
    const bad = await owner.post(`/api/workspaces/${ws}/channels`, { network: 'myspace', credentials: {} });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/no connector for the network "myspace". Available: .*bluesky.*, sink, sink-x/);
  });

  it('refuses to delete a channel with scheduled posts, naming how many', async () => {
    const c = await channel();
    const id = await draft({ text: 'Later', channelIds: [c.id] });
    await smm.post(`/api/workspaces/${ws}/posts/${id}/schedule`, { scheduledAt: new Date(Date.now() + 86_400_000).toISOString() });
    const res = await owner.delete(`/api/workspaces/${ws}/channels/${c.id}`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/still has 1 planned post \(1 scheduled\)/);
    expect((await smm.post(`/api/workspaces/${ws}/posts/${id}/cancel`)).status).toBe(200);
    expect((await owner.delete(`/api/workspaces/${ws}/channels/${c.id}`)).status).toBe(200);
  });
});

describe('approval', () => {
  it('draft → review → approved by another person → scheduled → published exactly once', async () => {
    expect((await owner.patch(`/api/workspaces/${ws}/publishing/settings`, { approvalRequired: true })).body.approvalRequired).toBe(true);
    try {
      const c = await channel();
      const own = (await owner.post(`/api/workspaces/${ws}/posts`, { text: 'Hello from the approval flow', channelIds: [c.id] })).body.id;
      await owner.post(`/api/workspaces/${ws}/posts/${own}/submit`);
      const self = await owner.post(`/api/workspaces/${ws}/posts/${own}/approve`);
      expect(self.status).toBe(403);
      expect(self.body.error.message).toMatch(/someone else must approve/);

      const id = await draft({ text: 'Hello from the approval flow', channelIds: [c.id] });
      const early = await smm.post(`/api/workspaces/${ws}/posts/${id}/schedule`, { scheduledAt: new Date(Date.now() + 60_000).toISOString() });
      expect(early.status).toBe(409);
      expect(early.body.error.message).toMatch(/requires approval/);
      expect((await smm.post(`/api/workspaces/${ws}/posts/${id}/submit`)).body.status).toBe('in_review');
      expect((await smm.post(`/api/workspaces/${ws}/posts/${id}/approve`)).status).toBe(403);
      expect((await client.post(`/api/workspaces/${ws}/posts/${id}/approve`)).body.status).toBe('approved');
      // An edit after approval sends the post back to review.
      const edited = await smm.patch(`/api/workspaces/${ws}/posts/${id}`, { text: 'Hello, approved twice', version: 1 });
      expect(edited.body).toMatchObject({ status: 'in_review', version: 2 });
      expect((await smm.patch(`/api/workspaces/${ws}/posts/${id}`, { text: 'stale', version: 1 })).status).toBe(409);
      expect((await client.post(`/api/workspaces/${ws}/posts/${id}/approve`)).body.status).toBe('approved');

      const at = new Date(Date.now() + 2000);
      const scheduled = await smm.post(`/api/workspaces/${ws}/posts/${id}/schedule`, { scheduledAt: at.toISOString() });
      expect(scheduled.body.status).toBe('scheduled');
      expect(scheduled.body.targets).toHaveLength(1);
      const done = await settled(id);
      expect(done.status).toBe('published');
      const onNetwork = sinkStore.forAccount(c.account);
      expect(onNetwork.map((p) => p.text)).toEqual(['Hello, approved twice']);
      expect(onNetwork[0]!.publishedAt.getTime()).toBeGreaterThanOrEqual(at.getTime());
      expect(done.targets[0].remoteRefs[0].id).toBe(onNetwork[0]!.ref.id);
      expect((await attempts(id)).map((a) => a.outcome)).toEqual(['success']);
    } finally {
      await owner.patch(`/api/workspaces/${ws}/publishing/settings`, { approvalRequired: false });
    }
  });
});

describe('changing a scheduled post', () => {
  it('takes it back for editing, keeps nothing of the old schedule, and publishes the new text at the new time', async () => {
    const c = await channel();
    const id = await draft({ text: 'First wording', channelIds: [c.id] });
    await smm.post(`/api/workspaces/${ws}/posts/${id}/schedule`, { scheduledAt: new Date(Date.now() + 2000).toISOString() });
    const back = await smm.post(`/api/workspaces/${ws}/posts/${id}/unschedule`);
    expect(back.body.status).toBe('draft');
    expect(back.body.targets.map((x: { state: string }) => x.state)).toEqual(['cancelled']);
    expect((await smm.patch(`/api/workspaces/${ws}/posts/${id}`, { text: 'Second wording' })).status).toBe(200);
    // The first job falls due meanwhile and must do nothing.
    await new Promise((r) => setTimeout(r, 3500));
    expect(sinkStore.forAccount(c.account)).toHaveLength(0);
    await smm.post(`/api/workspaces/${ws}/posts/${id}/schedule`, { scheduledAt: new Date(Date.now() + 1000).toISOString() });
    expect((await settled(id)).status).toBe('published');
    expect(sinkStore.forAccount(c.account).map((p) => p.text)).toEqual(['Second wording']);
  });
});

describe('scheduling refuses bad input', () => {
  it('refuses a text over the channel limit, naming the network and the rule', async () => {
    const c = await channel();
    const id = await draft({ text: 'x'.repeat(301), channelIds: [c.id] });
    const res = await smm.post(`/api/workspaces/${ws}/posts/${id}/schedule`, { scheduledAt: new Date(Date.now() + 60_000).toISOString() });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/301 characters long; the limit is 300 on Local sink/);
  });

  it('refuses a time in the past and points to publish now', async () => {
    const c = await channel();
    const id = await draft({ text: 'Too late', channelIds: [c.id] });
    const res = await smm.post(`/api/workspaces/${ws}/posts/${id}/schedule`, { scheduledAt: new Date(Date.now() - 60_000).toISOString() });
    expect(res.body.error.message).toMatch(/in the past.*publish now/);
  });
});

describe('workspace boundaries and listing', () => {
  it('refuses another workspace’s channel in a post and hides its posts', async () => {
    const other = (await owner.post('/api/workspaces', { name: 'Other brand' })).body.id;
    const theirs = (await owner.post(`/api/workspaces/${other}/channels`, { network: 'sink', credentials: { account: `other${Date.now()}` } })).body.id;
    const bad = await smm.post(`/api/workspaces/${ws}/posts`, { text: 'Sneaky', channelIds: [theirs] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/does not exist in this workspace/);
    const theirPost = (await owner.post(`/api/workspaces/${other}/posts`, { text: 'Theirs', channelIds: [theirs] })).body.id;
    expect((await owner.get(`/api/workspaces/${ws}/posts/${theirPost}`)).status).toBe(404);
    expect((await owner.post(`/api/workspaces/${ws}/posts/${theirPost}/publish`)).status).toBe(404);
    expect((await owner.get(`/api/workspaces/${ws}/posts/${theirPost}/attempts`)).status).toBe(404);
    const mine = (await owner.get(`/api/workspaces/${ws}/posts`)).body.posts.map((p: { id: string }) => p.id);
    expect(mine).not.toContain(theirPost);
  });

  it('filters posts by channel and planned time', async () => {
    const a = await channel();
    const b = await channel();
    const day = 86_400_000;
    const base = Date.now() + 10 * day;
    const onA = await draft({ text: 'On A', channelIds: [a.id], scheduledAt: new Date(base).toISOString() });
    const onB = await draft({ text: 'On B', channelIds: [b.id], scheduledAt: new Date(base + 2 * day).toISOString() });
    const byChannel = (await smm.get(`/api/workspaces/${ws}/posts?channelId=${a.id}`)).body.posts.map((p: { id: string }) => p.id);
    expect(byChannel).toEqual([onA]);
    const from = encodeURIComponent(new Date(base + day).toISOString());
    const to = encodeURIComponent(new Date(base + 3 * day).toISOString());
    const byTime = (await smm.get(`/api/workspaces/${ws}/posts?from=${from}&to=${to}`)).body.posts.map((p: { id: string }) => p.id);
    expect(byTime).toEqual([onB]);
  });
});
