import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceMembers } from '../../db/schema';
import { ApiClient, signUpUser } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { until } from '../../test/until';

/** The secret iCalendar feed: create, rotate, revoke, membership, RFC 5545 shape; both databases. */
let t: TestTandem;
let ws: string;
let owner: ApiClient;
let ownerId: string;

beforeAll(async () => {
  t = await startTestTandem({ ENABLE_SINK_CONNECTOR: 'true' });
  const o = await signUpUser(t.baseUrl, 'Owner');
  owner = o.client;
  ownerId = o.userId;
  ws = (await owner.post('/api/workspaces', { name: 'Caffè Feed' })).body.id;
});
afterAll(async () => t?.stop());

/** Fetches a feed URL as a calendar app would: no cookie, no token header. */
async function fetchFeed(url: string) {
  const res = await fetch(t.baseUrl + new URL(url).pathname);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

describe('calendar feed', () => {
  it('lists scheduled and published posts as VEVENTs that a real parser reads, in valid RFC 5545 text', async () => {
    expect((await owner.get(`/api/workspaces/${ws}/calendar-feed`)).body).toEqual({ active: false, createdAt: null });
    const ch = (await owner.post(`/api/workspaces/${ws}/channels`, { network: 'sink', credentials: { account: `feed${Date.now()}` }, name: 'Aurora sink' })).body.id;
    const at = new Date(Date.now() + 3 * 86_400_000);
    at.setUTCSeconds(0, 0);
    const longLine = `Autumn menu: chestnut cake, pumpkin ravioli and a new espresso blend — come and taste everything this weekend`;
    const scheduled = (await owner.post(`/api/workspaces/${ws}/posts`, { text: `${longLine}\nSecond line`, channelIds: [ch], scheduledAt: at.toISOString() })).body;
    const s = await owner.post(`/api/workspaces/${ws}/posts/${scheduled.id}/schedule`, { scheduledAt: at.toISOString() });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const published = (await owner.post(`/api/workspaces/${ws}/posts`, { text: 'Open today', channelIds: [ch] })).body;
    await owner.post(`/api/workspaces/${ws}/posts/${published.id}/publish`);
    await until('the post to be published', async () => (await owner.get(`/api/workspaces/${ws}/posts/${published.id}`)).body.status === 'published');
    const draft = (await owner.post(`/api/workspaces/${ws}/posts`, { text: 'Only a draft', channelIds: [ch] })).body;

    const created = await owner.post(`/api/workspaces/${ws}/calendar-feed`);
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(/\/api\/calendar\/tdc_[A-Za-z0-9_-]{43}\.ics$/);
    expect((await owner.get(`/api/workspaces/${ws}/calendar-feed`)).body).toMatchObject({ active: true, createdAt: created.body.createdAt });

    const feed = await fetchFeed(created.body.url);
    expect(feed.status).toBe(200);
    expect(feed.type).toMatch(/^text\/calendar; charset=utf-8/);
    // RFC 5545 §3.1: CRLF line endings, lines of at most 75 octets, longer ones folded with CRLF + space.
    expect(feed.text.endsWith('\r\n')).toBe(true);
    expect(feed.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = feed.text.split('\r\n').slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.find((l) => l.startsWith('PRODID:'))).toMatch(/Tandem/);

    const cal = new ICAL.Component(ICAL.parse(feed.text));
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary).sort()).toEqual([longLine.slice(0, 79) + '…', 'Open today'].sort());
    const ev = events.find((e) => e.uid.includes(scheduled.id))!;
    expect(ev.uid).toBe(`post-${scheduled.id}@localhost`);
    expect(ev.startDate.toJSDate().toISOString()).toBe(at.toISOString());
    expect(ev.description).toContain('Channels: Aurora sink (sink)');
    expect(ev.description).toContain('Status: scheduled');
    const vevent = cal.getAllSubcomponents('vevent').find((v) => String(v.getFirstPropertyValue('uid')).includes(scheduled.id))!;
    expect(String(vevent.getFirstPropertyValue('url'))).toMatch(new RegExp(`/w/${ws}/posts/${scheduled.id}$`));
    expect(vevent.getFirstPropertyValue('dtstamp')).toBeTruthy();
    expect(vevent.getFirstPropertyValue('last-modified')).toBeTruthy();
    expect(events.find((e) => e.uid.includes(published.id))!.description).toContain('Status: published');
    expect(feed.text).not.toContain(draft.id);

    // The UID is stable: the same post keeps it in the next fetch.
    expect((await fetchFeed(created.body.url)).text).toContain(`UID:post-${scheduled.id}@localhost`);
  });

  it('rotating replaces the URL, revoking ends it, and a bad token is not found', async () => {
    const first = (await owner.post(`/api/workspaces/${ws}/calendar-feed`)).body.url;
    const second = (await owner.post(`/api/workspaces/${ws}/calendar-feed`)).body.url;
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);
    expect((await owner.delete(`/api/workspaces/${ws}/calendar-feed`)).status).toBe(200);
    expect((await fetchFeed(second)).status).toBe(404);
    expect((await owner.get(`/api/workspaces/${ws}/calendar-feed`)).body.active).toBe(false);
    expect((await fetchFeed(`${t.baseUrl}/api/calendar/tdc_nope.ics`)).status).toBe(404);
  });

  it("stops working when its owner is removed from the workspace; API tokens cannot create one", async () => {
    const m = await signUpUser(t.baseUrl, 'Analyst');
    await t.database.db.insert(workspaceMembers).values({ workspaceId: ws, userId: m.userId, roles: ['analyst'], hat: 'analyst' });
    const url = (await m.client.post(`/api/workspaces/${ws}/calendar-feed`)).body.url;
    expect((await fetchFeed(url)).status).toBe(200);
    expect((await owner.delete(`/api/workspaces/${ws}/members/${m.userId}`)).status).toBe(200);
    expect((await fetchFeed(url)).status).toBe(404);

    const tok = await owner.post(`/api/workspaces/${ws}/tokens`, { name: 'calendar', scopes: ['posts:read'] });
    const api = new ApiClient(t.baseUrl);
    api.bearer = tok.body.token;
    expect((await api.post(`/api/workspaces/${ws}/calendar-feed`)).status).toBe(403);
    expect(ownerId).toBeTruthy();
  });
});
