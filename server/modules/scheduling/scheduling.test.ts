import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles';
import { postMetrics, posts, postTargets, postVariants } from '../../db/schema';
import { ApiClient, signUpUser } from '../../test/apiClient';
import { addMember } from '../../test/workspaceMember';
import { connectSinkChannel } from '../../test/sinkChannel';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { upcomingSlots } from './slots';

/** Channel time zone and colour, queue slots, "add to queue" and best times, through HTTP; both databases. */
let t: TestTandem;
let ws: string;
let owner: ApiClient;
let smm: ApiClient;
let client: ApiClient;

const member = (roles: Role[]) => addMember(t, ws, roles);
const channel = async (timeZone?: string) => (await connectSinkChannel(owner, ws, { timeZone })).id;
async function draft(channelIds: string[], text = 'Queued'): Promise<string> {
  const res = await smm.post(`/api/workspaces/${ws}/posts`, { text, channelIds });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}
const slotsUrl = (cid: string) => `/api/workspaces/${ws}/channels/${cid}/slots`;

beforeAll(async () => {
  t = await startTestTandem({ ENABLE_SINK_CONNECTOR: 'true' });
  owner = (await signUpUser(t.baseUrl, 'Owner')).client;
  ws = (await owner.post('/api/workspaces', { name: 'Scheduling' })).body.id;
  smm = await member(['social_media_manager']);
  client = await member(['client']);
});
afterAll(async () => t?.stop());

describe('PATCH channel', () => {
  it('changes name, time zone (canonical IANA spelling) and colour, and refuses what is not', async () => {
    const id = await channel();
    const res = await smm.patch(`/api/workspaces/${ws}/channels/${id}`, { name: 'Aurora Bluesky', timeZone: 'europe/rome', color: 'grape' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id, name: 'Aurora Bluesky', timeZone: 'Europe/Rome', color: 'grape' });
    const list = (await client.get(`/api/workspaces/${ws}/channels`)).body.channels;
    expect(list.find((c: { id: string }) => c.id === id)).toMatchObject({ timeZone: 'Europe/Rome', color: 'grape' });

    const zone = await smm.patch(`/api/workspaces/${ws}/channels/${id}`, { timeZone: 'Mars/Olympus_Mons' });
    expect(zone.status).toBe(400);
    expect(zone.body.error.message).toMatch(/"Mars\/Olympus_Mons" is not a time zone; use an IANA name such as Europe\/Rome/);
    expect((await smm.patch(`/api/workspaces/${ws}/channels/${id}`, { timeZone: '+02:00' })).status).toBe(400);
    const colour = await smm.patch(`/api/workspaces/${ws}/channels/${id}`, { color: 'rainbow' });
    expect(colour.status).toBe(400);
    expect(JSON.stringify(colour.body)).toMatch(/Pick one of the calendar colours/);
    expect((await smm.patch(`/api/workspaces/${ws}/channels/${id}`, { accountHandle: 'x' })).status).toBe(400);
    expect((await client.patch(`/api/workspaces/${ws}/channels/${id}`, { color: 'red' })).status).toBe(403);
  });

  it('connecting checks and normalises the time zone the same way', async () => {
    const c = await owner.post(`/api/workspaces/${ws}/channels`, { network: 'sink', credentials: { account: `tz${Date.now()}` }, timeZone: 'america/new_york' });
    expect(c.body.timeZone).toBe('America/New_York');
    const bad = await owner.post(`/api/workspaces/${ws}/channels`, { network: 'sink', credentials: { account: `tz2${Date.now()}` }, timeZone: 'Moon/Tranquility' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/is not a time zone/);
  });
});

describe('queue slots', () => {
  it('replaces the set, returns it in week order, and refuses duplicates and impossible times clearly', async () => {
    const id = await channel('Europe/Rome');
    expect((await smm.get(slotsUrl(id))).body).toEqual({ channelId: id, timeZone: 'Europe/Rome', slots: [] });
    const dup = await smm.put(slotsUrl(id), { slots: [{ weekday: 1, minuteOfDay: 540 }, { weekday: 3, minuteOfDay: 1110 }, { weekday: 1, minuteOfDay: 540 }] });
    expect(dup.status).toBe(400);
    expect(dup.body.error.message).toBe('These queue slots are listed more than once: Monday 09:00. Keep each weekday and time once.');
    expect((await smm.put(slotsUrl(id), { slots: [{ weekday: 8, minuteOfDay: 540 }] })).status).toBe(400);
    const late = await smm.put(slotsUrl(id), { slots: [{ weekday: 1, minuteOfDay: 1440 }] });
    expect(late.status).toBe(400);
    expect(JSON.stringify(late.body)).toMatch(/between 00:00 and 23:59/);

    const put = await smm.put(slotsUrl(id), { slots: [{ weekday: 3, minuteOfDay: 1110 }, { weekday: 1, minuteOfDay: 540 }, { weekday: 1, minuteOfDay: 480 }] });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.slots).toEqual([{ weekday: 1, minuteOfDay: 480 }, { weekday: 1, minuteOfDay: 540 }, { weekday: 3, minuteOfDay: 1110 }]);
    expect((await client.get(slotsUrl(id))).body.slots).toHaveLength(3);
    expect((await client.put(slotsUrl(id), { slots: [] })).status).toBe(403);
    expect((await smm.put(slotsUrl(id), { slots: [{ weekday: 5, minuteOfDay: 600 }] })).body.slots).toEqual([{ weekday: 5, minuteOfDay: 600 }]);
  });
});

describe('add to queue', () => {
  it('says what to do when the channels have no slots', async () => {
    const id = await channel();
    const post = await draft([id]);
    const res = await smm.post(`/api/workspaces/${ws}/posts/${post}/queue`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/has no queue slots yet. Add weekly time slots in Settings → Channels, or pick a time yourself/);
  });

  it('schedules at the earliest free slot in the channel zone, and the next post at the slot after', async () => {
    const rome = await channel('Europe/Rome');
    const ny = await channel('America/New_York');
    const slots = [{ weekday: 2, minuteOfDay: 9 * 60 }, { weekday: 4, minuteOfDay: 18 * 60 + 30 }];
    await smm.put(slotsUrl(rome), { slots });
    const before = new Date();
    const first = await smm.post(`/api/workspaces/${ws}/posts/${await draft([rome, ny])}/queue`);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    // The New York channel has no slots: Rome's earliest slot decides, in Rome's local time.
    const expected = [...upcomingSlots('Europe/Rome', slots, before, 14)];
    expect(first.body.slot).toMatchObject({ channelId: rome, timeZone: 'Europe/Rome', at: expected[0]!.toISOString() });
    const local = DateTime.fromISO(first.body.slot.at, { zone: 'Europe/Rome' });
    expect(first.body.slot.local).toBe(local.toFormat("yyyy-MM-dd'T'HH:mm"));
    expect(['09:00', '18:30']).toContain(local.toFormat('HH:mm'));
    expect(first.body.post).toMatchObject({ status: 'scheduled', scheduledAt: expected[0]!.toISOString() });
    expect(first.body.post.targets).toHaveLength(2);

    const second = await smm.post(`/api/workspaces/${ws}/posts/${await draft([rome])}/queue`);
    expect(second.body.slot.at).toBe(expected[1]!.toISOString());
    // Queueing the first post again keeps its own slot (it does not take itself).
    expect((await smm.post(`/api/workspaces/${ws}/posts/${first.body.post.id}/queue`)).body.slot.at).toBe(expected[0]!.toISOString());
  });

  it('gives posts queued at the same moment different slots', async () => {
    const id = await channel('Europe/Rome');
    const slots = [{ weekday: 1, minuteOfDay: 8 * 60 }, { weekday: 3, minuteOfDay: 12 * 60 }, { weekday: 5, minuteOfDay: 17 * 60 }];
    await smm.put(slotsUrl(id), { slots });
    const drafts = await Promise.all([1, 2, 3, 4].map(() => draft([id])));
    const results = await Promise.all(drafts.map((d) => smm.post(`/api/workspaces/${ws}/posts/${d}/queue`)));
    for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(200);
    const expected = [...upcomingSlots('Europe/Rome', slots, new Date(), 14)].slice(0, 4).map((d) => d.toISOString());
    expect(results.map((r) => r.body.slot.at).sort()).toEqual(expected);
  });

  it('goes through the publishing rules: approval required, over-limit text, roles', async () => {
    const id = await channel('UTC');
    await smm.put(slotsUrl(id), { slots: [{ weekday: 1, minuteOfDay: 600 }] });
    expect((await client.post(`/api/workspaces/${ws}/posts/${await draft([id])}/queue`)).status).toBe(403);
    const long = await smm.post(`/api/workspaces/${ws}/posts/${await draft([id], 'x'.repeat(301))}/queue`);
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/limit is 300/);
    await owner.patch(`/api/workspaces/${ws}/publishing/settings`, { approvalRequired: true });
    try {
      const res = await smm.post(`/api/workspaces/${ws}/posts/${await draft([id])}/queue`);
      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(/requires approval/);
    } finally {
      await owner.patch(`/api/workspaces/${ws}/publishing/settings`, { approvalRequired: false });
    }
  });
});

describe('best times', () => {
  /** A published post on the channel at a local weekday/hour `weeksAgo` weeks back, with its metrics row. */
  async function published(channelId: string, zone: string, weekday: number, hour: number, weeksAgo: number, likes: number) {
    const at = DateTime.now().setZone(zone).startOf('week').minus({ weeks: weeksAgo }).plus({ days: weekday - 1, hours: hour, minutes: 7 }).toJSDate();
    const [p] = await t.database.db.insert(posts).values({ workspaceId: ws, text: 'past', status: 'published', scheduledAt: at }).returning();
    await t.database.db.insert(postVariants).values({ postId: p!.id, channelId });
    const [target] = await t.database.db.insert(postTargets).values({ workspaceId: ws, postId: p!.id, channelId, state: 'published', dueAt: at, publishedAt: at }).returning();
    await t.database.db.insert(postMetrics).values({ targetId: target!.id, workspaceId: ws, channelId, likes, replies: 1, reposts: 0, quotes: 0 });
  }

  it('ranks slots from the channel\'s own engagement, in its zone, with why', async () => {
    const zone = 'Europe/Rome';
    const id = await channel(zone);
    for (let w = 1; w <= 12; w++) await published(id, zone, 2, 9, w, 9);
    for (let w = 1; w <= 12; w++) await published(id, zone, 5, 15, w, 1);
    const res = await client.get(`/api/workspaces/${ws}/channels/${id}/best-times?limit=3`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ channelId: id, timeZone: zone, network: 'sink', halfLifeDays: 30, totalPosts: 24, priorShare: 0 });
    expect(res.body.suggestions.length).toBeLessThanOrEqual(3);
    const [best] = res.body.suggestions;
    // Usual post: (10 + 2) / 2 = 6 engagement; Tuesday 09:00 posts had 10: (10+1)/(6+1) ≈ 1.6×.
    expect(best).toMatchObject({ weekday: 2, hour: 9, why: { basis: 'history', slotPosts: 12, ratio: 1.6, totalPosts: 24, priorShare: 0 } });
    const next = DateTime.fromISO(best.nextAt, { zone });
    expect([next.weekday, next.hour, next.minute]).toEqual([2, 9, 0]);
    expect(next.toMillis()).toBeGreaterThan(Date.now());
    // Only slots with posts are suggested once history is long enough.
    expect(res.body.suggestions.every((s: { why: { slotPosts: number } }) => s.why.slotPosts > 0)).toBe(true);
  });

  it('falls back to the network prior without history, and blends it by count', async () => {
    const id = await channel('UTC');
    const empty = (await smm.get(`/api/workspaces/${ws}/channels/${id}/best-times`)).body;
    expect(empty).toMatchObject({ totalPosts: 0, priorShare: 1 });
    expect(empty.suggestions).toHaveLength(5);
    expect(empty.suggestions[0].why).toEqual({ basis: 'network', slotPosts: 0, ratio: null, totalPosts: 0, priorShare: 1 });
    for (let w = 1; w <= 5; w++) await published(id, 'UTC', 7, 3, w, 40);
    const some = (await smm.get(`/api/workspaces/${ws}/channels/${id}/best-times?limit=168`)).body;
    expect(some).toMatchObject({ totalPosts: 5, priorShare: 0.75 });
    expect(some.suggestions.find((s: { weekday: number; hour: number }) => s.weekday === 7 && s.hour === 3).why).toMatchObject({ basis: 'blend', slotPosts: 5 });
  });
});
