import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signUpUser } from '../test/apiClient';
import { testDbKind } from '../test/testDatabase';
import { startTestTandem, type TestTandem } from '../test/testServer';
import { DEMO_PASSWORD, seedDemo } from './demo';
import { seedDemoPublishing } from './demoPublishing';

/** Journey 2 in the demo workspace, read back through HTTP as Luca and Marta would; both databases. */
let t: TestTandem;
let ws: string;
let luca: ApiClient;
let channelId: string;
let posts: any[];

async function signIn(email: string): Promise<ApiClient> {
  const client = new ApiClient(t.baseUrl);
  const res = await client.post('/api/auth/signin', { email, password: DEMO_PASSWORD });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return client;
}
const graphemes = (s: string) => [...new Intl.Segmenter().segment(s)].length;

beforeAll(async () => {
  // DEMO=true seeds on start only into the embedded database; on PostgreSQL the seed is called as `tandem seed --demo` does.
  // The sink connector stands in for the visitor's own account in the last test.
  if (testDbKind() === 'pglite') {
    t = await startTestTandem({ DEMO: 'true', ENABLE_SINK_CONNECTOR: 'true' });
  } else {
    t = await startTestTandem({ ENABLE_SINK_CONNECTOR: 'true' });
    expect(await seedDemo(t.database.db)).toBe(true);
  }
  luca = await signIn('luca@caffeaurora.demo');
  ws = (await luca.get('/api/workspaces')).body.workspaces.find((w: { name: string }) => w.name === 'Caffè Aurora').id;
  const res = await luca.get(`/api/workspaces/${ws}/posts`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  posts = res.body.posts;
}, 120_000);
afterAll(() => t?.stop());

describe('demo workspace: one message, many networks', () => {
  it('has the Bluesky channel waiting to be reconnected, its queue slots, campaigns and approval settings', async () => {
    const { channels } = (await luca.get(`/api/workspaces/${ws}/channels`)).body;
    expect(channels).toHaveLength(1);
    expect(channels[0]).toMatchObject({ network: 'bluesky', name: 'Caffè Aurora', accountHandle: 'caffeaurora.bsky.social', timeZone: 'Europe/Rome', status: 'needs_reconnect' });
    expect(channels[0].accountId).toMatch(/^did:plc:[a-z2-7]{24}$/);
    channelId = channels[0].id;
    const slots = (await luca.get(`/api/workspaces/${ws}/channels/${channelId}/slots`)).body.slots;
    expect(slots).toHaveLength(11);
    expect(slots).toContainEqual({ weekday: 1, minuteOfDay: 510 });
    expect(slots).toContainEqual({ weekday: 6, minuteOfDay: 600 });
    const campaigns = (await luca.get(`/api/workspaces/${ws}/campaigns`)).body.campaigns.map((c: any) => [c.name, c.postCount]);
    expect(campaigns).toEqual([
      ['Autumn harvest', 7],
      ['Christmas blends', 2],
    ]);
    expect((await luca.get(`/api/workspaces/${ws}/publishing/settings`)).body).toMatchObject({ approvalRequired: true, approverRoles: ['owner', 'marketing_manager'] });
  });

  it('lists six weeks of published posts and what comes next, none of it scheduled', () => {
    const count = (status: string) => posts.filter((p) => p.status === status).length;
    expect([count('published'), count('in_review'), count('approved'), count('draft'), count('cancelled'), count('scheduled')]).toEqual([12, 1, 1, 2, 1, 0]);
    const now = Date.now();
    for (const p of posts) {
      expect(graphemes(p.text) <= 300 || p.variants[0].parts.length > 0, p.text).toBe(true);
      if (p.status === 'published') {
        expect(p.targets).toHaveLength(1);
        expect(p.targets[0]).toMatchObject({ state: 'published' });
        expect(Date.parse(p.scheduledAt)).toBeLessThan(now);
        expect(Date.parse(p.scheduledAt)).toBeGreaterThan(now - 7 * 7 * 86_400_000);
      } else {
        expect(p.targets).toEqual([]);
        if (p.scheduledAt && p.status !== 'cancelled') expect(Date.parse(p.scheduledAt)).toBeGreaterThan(now);
      }
    }
    expect(posts.filter((p) => p.status === 'draft' && p.scheduledAt === null)).toHaveLength(1);
    expect(posts.find((p) => p.status === 'draft' && p.scheduledAt)?.firstComment).toMatch(/caffeaurora\.it/);
  });

  it('has the thread in review for the next weekday at 09:00 in Rome, with Marta’s comment and notification', async () => {
    const thread = posts.find((p) => p.status === 'in_review');
    const parts = thread.variants[0].parts;
    expect(parts).toHaveLength(3);
    for (const part of parts) expect(graphemes(part.text)).toBeLessThanOrEqual(300);
    const at = DateTime.fromISO(thread.scheduledAt, { zone: 'Europe/Rome' });
    expect([at.hour, at.minute, at.weekday <= 5]).toEqual([9, 0, true]);
    const comments = (await luca.get(`/api/workspaces/${ws}/posts/${thread.id}/comments`)).body.comments;
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toMatch(/approvo/);
    const revisions = (await luca.get(`/api/workspaces/${ws}/posts/${thread.id}/revisions`)).body.revisions;
    expect(revisions.map((r: any) => r.version)).toEqual([1]);

    const marta = await signIn('marta@caffeaurora.demo');
    const page = (await marta.get(`/api/workspaces/${ws}/notifications`)).body;
    expect(page.notifications).toHaveLength(1);
    expect(page.notifications[0]).toMatchObject({ kind: 'post.review_requested', payload: { postId: thread.id, actorName: 'Luca Bassi' }, readAt: null });
  });

  it('shows one successful attempt per published post, in the shape the publisher writes', async () => {
    const published = posts.find((p) => p.status === 'published');
    const { attempts } = (await luca.get(`/api/workspaces/${ws}/posts/${published.id}/attempts`)).body;
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ outcome: 'success', partIndex: 0, request: { part: 1, parts: 1, mediaCount: 0, reply: false, textLength: graphemes(published.text) } });
    expect(attempts[0].remoteId).toMatch(/^at:\/\/did:plc:.+\/app\.bsky\.feed\.post\//);
    expect(published.targets[0].remoteRefs[0].url).toMatch(/^https:\/\/bsky\.app\/profile\//);
  });

  it('suggests best times from the channel’s own history (weekdays at 08 and 12 in Rome)', async () => {
    const res = await luca.get(`/api/workspaces/${ws}/channels/${channelId}/best-times`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.totalPosts).toBe(12);
    const top = res.body.suggestions.slice(0, 3);
    for (const s of top) {
      expect(s.why.basis).toBe('blend');
      expect([8, 12]).toContain(s.hour);
      expect(s.weekday).toBeLessThanOrEqual(5);
    }
  });

  it('refuses to schedule on the unconnected channel with a clear message instead of failing later', async () => {
    const approved = posts.find((p) => p.status === 'approved');
    const res = await luca.post(`/api/workspaces/${ws}/posts/${approved.id}/schedule`, { scheduledAt: approved.scheduledAt });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/reconnected/) });
  });

  it('lets the visitor publish from their own account: connect it, disconnect the demo channel moving its planned posts there', async () => {
    const marta = await signIn('marta@caffeaurora.demo');
    const own = await marta.post(`/api/workspaces/${ws}/channels`, { network: 'sink', credentials: { account: `visitor${Date.now()}` }, name: 'My account' });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    const moved = await marta.delete(`/api/workspaces/${ws}/channels/${channelId}?scheduledPosts=move&moveTo=${own.body.id}`);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const approved = posts.find((p) => p.status === 'approved');
    const res = await luca.post(`/api/workspaces/${ws}/posts/${approved.id}/schedule`, { scheduledAt: approved.scheduledAt });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.targets).toMatchObject([{ channelId: own.body.id, state: 'pending' }]);
    const published = (await luca.get(`/api/workspaces/${ws}/posts?status=published`)).body.posts;
    expect(published.every((p: any) => p.targets[0].channelId === channelId && p.targets[0].state === 'published')).toBe(true);
  });

  it('dates everything from the seeding moment, in Rome time across a DST change: seeded on a Sunday night, the thread is for Monday 09:00', async () => {
    const { client, userId } = await signUpUser(t.baseUrl, 'Late Seeder');
    const other = (await client.post('/api/workspaces', { name: 'Seeded on Sunday', timeZone: 'Europe/Rome' })).body.id;
    // Sunday 29 March 2026, 23:30 in Rome: summer time began that morning.
    const now = new Date('2026-03-29T21:30:00Z');
    await seedDemoPublishing(t.database.db, { workspaceId: other, marta: { id: userId, name: 'Late Seeder' }, luca: { id: userId, name: 'Late Seeder' } }, now);
    const seeded = (await client.get(`/api/workspaces/${other}/posts`)).body.posts;
    expect(seeded.find((p: any) => p.status === 'in_review').scheduledAt).toBe('2026-03-30T07:00:00.000Z');
    for (const p of seeded.filter((x: any) => x.status === 'published')) {
      const at = DateTime.fromISO(p.scheduledAt, { zone: 'Europe/Rome' });
      expect(['08:30', '12:30', '10:00', '15:00', '17:00', '18:00', '19:30', '21:00']).toContain(at.toFormat('HH:mm'));
      expect(at.toJSDate().getTime()).toBeLessThan(now.getTime());
    }
  });
});
