import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../../shared/roles';
import { workspaceMembers } from '../../../db/schema';
import { ApiClient, signUpUser } from '../../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../../test/testServer';

/** GET /posts: filters by channel, campaign, author, status and time; keyset paging. Both databases. */
let t: TestTandem;
let ws: string;
let owner: ApiClient;
let smm: ApiClient;
let smmId: string;
let chA: string;
let chB: string;
let campaign: string;
const ids: Record<string, string> = {};
const day = (n: number, h = 9) => new Date(Date.UTC(2031, 0, n, h)).toISOString();
const list = async (q: string) => {
  const res = await owner.get(`/api/workspaces/${ws}/posts${q}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.posts as { id: string; text: string }[];
};
const texts = (posts: { text: string }[]) => posts.map((p) => p.text);

beforeAll(async () => {
  t = await startTestTandem({ ENABLE_SINK_CONNECTOR: 'true' });
  owner = (await signUpUser(t.baseUrl, 'Owner')).client;
  ws = (await owner.post('/api/workspaces', { name: 'Listing' })).body.id;
  const u = await signUpUser(t.baseUrl, 'Smm');
  smm = u.client;
  smmId = u.userId;
  await t.database.db.insert(workspaceMembers).values({ workspaceId: ws, userId: smmId, roles: ['social_media_manager'] as Role[], hat: 'social_media_manager' });
  chA = (await owner.post(`/api/workspaces/${ws}/channels`, { network: 'sink', credentials: { account: `a${Date.now()}` } })).body.id;
  chB = (await owner.post(`/api/workspaces/${ws}/channels`, { network: 'sink', credentials: { account: `b${Date.now()}` } })).body.id;
  campaign = (await owner.post(`/api/workspaces/${ws}/campaigns`, { name: 'Launch' })).body.id;
  const make = async (as: ApiClient, text: string, body: Record<string, unknown>) => {
    const res = await as.post(`/api/workspaces/${ws}/posts`, { text, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[text] = res.body.id;
  };
  await make(owner, 'p1', { channelIds: [chA], scheduledAt: day(1) });
  await make(owner, 'p2', { channelIds: [chB], scheduledAt: day(2), campaignId: campaign });
  await make(smm, 'p3', { channelIds: [chA, chB], scheduledAt: day(3), campaignId: campaign });
  await make(smm, 'p4', { channelIds: [chA], scheduledAt: day(3) }); // same instant as p3: ties break by creation
  await make(owner, 'p5', { channelIds: [chB], scheduledAt: day(5) });
  await make(owner, 'u1', { channelIds: [chA] }); // unplanned
  await make(smm, 'u2', { channelIds: [chB] });
});
afterAll(async () => t?.stop());

describe('listing posts', () => {
  it('orders unplanned first, then by planned time, newest first', async () => {
    expect(texts(await list(''))).toEqual(['u2', 'u1', 'p5', 'p4', 'p3', 'p2', 'p1']);
  });

  it('filters by channel, campaign, author and status, alone and together', async () => {
    expect(texts(await list(`?channelId=${chA}`))).toEqual(['u1', 'p4', 'p3', 'p1']);
    expect(texts(await list(`?campaignId=${campaign}`))).toEqual(['p3', 'p2']);
    expect(texts(await list(`?authorId=${smmId}`))).toEqual(['u2', 'p4', 'p3']);
    expect(texts(await list(`?authorId=${smmId}&channelId=${chB}&campaignId=${campaign}`))).toEqual(['p3']);
    expect(texts(await list(`?status=draft&channelId=${chB}`))).toEqual(['u2', 'p5', 'p3', 'p2']);
    expect(await list(`?status=published`)).toEqual([]);
  });

  it('bounds the planned time with from/to (both ends included) for the calendar', async () => {
    expect(texts(await list(`?from=${day(2)}&to=${day(3)}`))).toEqual(['p4', 'p3', 'p2']);
    expect(texts(await list(`?from=${encodeURIComponent('2031-01-02T10:00:00+01:00')}&to=${day(5)}&channelId=${chB}`))).toEqual(['p5', 'p3', 'p2']);
    const backwards = await owner.get(`/api/workspaces/${ws}/posts?from=${day(5)}&to=${day(1)}`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toContain('`from` is after `to`');
  });

  it('pages with limit and before, without gaps or repeats, across ties and unplanned posts', async () => {
    const seen: string[] = [];
    let before: string | undefined;
    for (let page = 0; page < 10; page++) {
      const got = await list(`?limit=3${before ? `&before=${before}` : ''}`);
      seen.push(...texts(got));
      if (got.length < 3) break;
      before = got.at(-1)!.id;
    }
    expect(seen).toEqual(['u2', 'u1', 'p5', 'p4', 'p3', 'p2', 'p1']);
    // paging keeps the filters
    expect(texts(await list(`?channelId=${chA}&limit=2&before=${ids.u1}`))).toEqual(['p4', 'p3']);
    expect(texts(await list(`?from=${day(1)}&to=${day(5)}&limit=2&before=${ids.p4}`))).toEqual(['p3', 'p2']);
  });

  it('refuses a bad page size or a cursor from elsewhere with a clear message', async () => {
    expect((await owner.get(`/api/workspaces/${ws}/posts?limit=0`)).status).toBe(400);
    const big = await owner.get(`/api/workspaces/${ws}/posts?limit=501`);
    expect(big.status).toBe(400);
    expect(JSON.stringify(big.body)).toContain('at most 500');
    const other = (await signUpUser(t.baseUrl, 'Other')).client;
    const ows = (await other.post('/api/workspaces', { name: 'Other' })).body.id;
    const och = (await other.post(`/api/workspaces/${ows}/channels`, { network: 'sink', credentials: { account: `o${Date.now()}` } })).body.id;
    const theirs = (await other.post(`/api/workspaces/${ows}/posts`, { text: 'theirs', channelIds: [och] })).body.id;
    const res = await owner.get(`/api/workspaces/${ws}/posts?before=${theirs}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('`before` must be the id of a post in this workspace');
    // another workspace's campaign or author filter simply finds nothing here
    const theirCampaign = (await other.post(`/api/workspaces/${ows}/campaigns`, { name: 'Theirs' })).body.id;
    expect(await list(`?campaignId=${theirCampaign}`)).toEqual([]);
  });
});
