import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { configureOutbound } from '../../net/outbound';
import { pollFeeds } from './jobs/pollFeeds';
import { ApiClient, signUpUser } from '../../test/apiClient';
import { addMember } from '../../test/workspaceMember';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { until } from '../../test/until';

/** RSS/Atom curation through HTTP against real feeds on a loopback server; both databases. */
let t: TestTandem;
let ws: string;
let owner: ApiClient;
let channelId: string;
let site: Server;
let siteUrl: string;
const requests: { path: string; headers: IncomingHttpHeaders; status: number }[] = [];

type Item = { guid: string; title: string; link: string; date: string };
const ITEMS: Item[] = [
  { guid: 'aurora-2026-10-01', title: 'Our autumn blend is here', link: 'https://caffeaurora.demo/blog/autumn-blend', date: 'Thu, 01 Oct 2026 08:00:00 GMT' },
  { guid: 'aurora-2026-10-08', title: 'Latte art night & tasting', link: 'https://caffeaurora.demo/blog/latte-art', date: 'Thu, 08 Oct 2026 08:00:00 GMT' },
  { guid: 'aurora-2026-10-15', title: 'Roastery tour on Saturday', link: 'https://caffeaurora.demo/blog/roastery-tour', date: 'Thu, 15 Oct 2026 08:00:00 GMT' },
  { guid: 'aurora-2026-10-22', title: 'Chestnut cappuccino is back', link: 'https://caffeaurora.demo/blog/chestnut', date: 'Thu, 22 Oct 2026 08:00:00 GMT' },
];

/** What each path serves now; tests change it between fetches. */
const feedsServed: Record<string, Item[]> = {};
let brokenServesGarbage = false;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
function rss(items: Item[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Caffè Aurora — Journal</title>
    <link>https://caffeaurora.demo/blog</link>
    <description>News from the roastery</description>
${[...items].reverse().map((i) => `    <item>\n      <title>${esc(i.title)}</title>\n      <link>${i.link}</link>\n      <guid isPermaLink="false">${i.guid}</guid>\n      <pubDate>${i.date}</pubDate>\n      <description>${esc(i.title)}</description>\n    </item>`).join('\n')}
  </channel>
</rss>`;
}
function atom(items: Item[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Aurora Roasters (Atom)</title>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2026-10-22T08:00:00Z</updated>
  <link href="https://caffeaurora.demo/"/>
${[...items].reverse().map((i) => `  <entry>\n    <title>${esc(i.title)}</title>\n    <link href="${i.link}"/>\n    <id>urn:aurora:${i.guid}</id>\n    <updated>${new Date(i.date).toISOString()}</updated>\n    <summary>${esc(i.title)}</summary>\n  </entry>`).join('\n')}
</feed>`;
}

function serve(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) {
  const path = (req.url ?? '/').split('?')[0]!;
  const done = (status: number, headers: Record<string, string> = {}, body = '') => {
    requests.push({ path, headers: req.headers, status });
    res.writeHead(status, headers).end(body);
  };
  if (path.startsWith('/rss/')) {
    // RSS with an ETag: 304 when the client already has this version
    const body = rss(feedsServed[path] ?? []);
    const etag = `"${Buffer.from(body).length}-${(feedsServed[path] ?? []).length}"`;
    if (req.headers['if-none-match'] === etag) return done(304, { etag });
    return done(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }, body);
  }
  if (path.startsWith('/atom/')) {
    // Atom with Last-Modified: 304 when nothing is newer than what the client saw
    const items = feedsServed[path] ?? [];
    const modified = new Date(Date.UTC(2026, 9, 1) + items.length * 86_400_000).toUTCString();
    const since = req.headers['if-modified-since'];
    if (since && Date.parse(since) >= Date.parse(modified)) return done(304, { 'last-modified': modified });
    return done(200, { 'content-type': 'application/atom+xml', 'last-modified': modified }, atom(items));
  }
  if (path === '/broken.xml') return brokenServesGarbage ? done(200, { 'content-type': 'application/xml' }, '<rss><channel><title>Half a feed') : done(200, { 'content-type': 'application/rss+xml' }, rss(ITEMS.slice(0, 1)));
  if (path === '/blog') return done(200, { 'content-type': 'text/html' }, '<!doctype html><html><head><title>Blog</title><link rel="alternate" type="application/rss+xml" title="Journal" href="/rss/journal.xml"></head><body>Hello</body></html>');
  if (path === '/moved') return done(301, { location: '/rss/journal.xml' });
  return done(404, { 'content-type': 'text/plain' }, 'not here');
}

/** A port nobody listens on (just released). */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const path = (rest = '') => `/api/workspaces/${ws}/feeds${rest}`;
async function drafts(client = owner) {
  const res = await client.get(`/api/workspaces/${ws}/posts?status=draft&limit=200`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.posts as { id: string; text: string; status: string; variants: { channelId: string }[]; targets: unknown[] }[];
}
const feedText = (i: Item) => `${i.title}\n\n${i.link}`;
async function add(url: string, client = owner) {
  return client.post(path(), { url, channelIds: [channelId] });
}

beforeAll(async () => {
  site = createServer(serve);
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  // Loopback feeds are reachable only because the test says so (the same switch as link previews).
  t = await startTestTandem({ ENABLE_SINK_CONNECTOR: 'true', LINK_PREVIEW_PRIVATE_HOSTS: 'true' });
  owner = (await signUpUser(t.baseUrl, 'Owner')).client;
  ws = (await owner.post('/api/workspaces', { name: 'Feeds' })).body.id;
  channelId = (await owner.post(`/api/workspaces/${ws}/channels`, { network: 'sink', credentials: { account: `feeds${Date.now()}` } })).body.id;
});
afterAll(async () => {
  await t?.stop();
  site?.closeAllConnections();
  site?.close();
});
beforeEach(() => {
  requests.length = 0;
});

describe('adding a feed', () => {
  it('reads it once: title stored, current items marked seen, no drafts', async () => {
    feedsServed['/rss/journal.xml'] = ITEMS.slice(0, 2);
    const res = await add(`${siteUrl}/rss/journal.xml`);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ url: `${siteUrl}/rss/journal.xml`, title: 'Caffè Aurora — Journal', channelIds: [channelId], lastError: null, itemCount: 2, recentDrafts: [] });
    expect(res.body.lastFetchedAt).toBeTruthy();
    expect(await drafts()).toHaveLength(0);
    const list = await owner.get(path());
    expect(list.body.feeds.map((f: { id: string }) => f.id)).toEqual([res.body.id]);
    const again = await add(`${siteUrl}/rss/journal.xml`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('This feed is already in the workspace.');
  });

  it('refuses what is not a feed, with the reason', async () => {
    const page = await add(`${siteUrl}/blog`);
    expect(page.status).toBe(400);
    expect(page.body.error.message).toBe(`This is a web page, not a feed. The page names its feed at ${siteUrl}/rss/journal.xml: add that address.`);
    expect(page.body.error.details.fields.url).toBe(page.body.error.message);
    const missing = await add(`${siteUrl}/nothing.xml`);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe('The feed answered HTTP 404 Not Found.');
    const closed = await add(`http://127.0.0.1:${await closedPort()}/feed.xml`);
    expect(closed.status).toBe(400);
    expect(closed.body.error.message).toMatch(/^The feed could not be reached \(ECONNREFUSED\)\.$/);
    const notUrl = await owner.post(path(), { url: 'caffeaurora.demo/feed', channelIds: [channelId] });
    expect(notUrl.status).toBe(400);
    expect(notUrl.body.error.details.fields.url).toContain('https://');
    const noChannel = await owner.post(path(), { url: `${siteUrl}/rss/other.xml`, channelIds: [] });
    expect(noChannel.status).toBe(400);
    const foreign = await owner.post(path(), { url: `${siteUrl}/rss/other.xml`, channelIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toContain('does not exist in this workspace');
  });

  it('follows a redirect to the feed', async () => {
    feedsServed['/rss/journal.xml'] = ITEMS.slice(0, 2);
    const res = await add(`${siteUrl}/moved`);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.title).toBe('Caffè Aurora — Journal');
    await owner.delete(path(`/${res.body.id}`));
  });

  it('refuses private and loopback addresses unless the server allows them', async () => {
    configureOutbound({ allowPrivateHosts: false });
    try {
      const res = await add(`${siteUrl}/rss/private.xml`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('127.0.0.1 is a private or loopback address');
      expect(requests.filter((r) => r.path === '/rss/private.xml')).toHaveLength(0);
    } finally {
      configureOutbound({ allowPrivateHosts: true });
    }
  });
});

describe('new items become drafts, once', () => {
  it('RSS with ETag: a new item is one draft; a second fetch gets 304 and makes none', async () => {
    const url = `${siteUrl}/rss/news.xml`;
    feedsServed['/rss/news.xml'] = ITEMS.slice(0, 2);
    const feed = (await add(url)).body;
    feedsServed['/rss/news.xml'] = ITEMS.slice(0, 3);

    const first = await owner.post(path(`/${feed.id}/fetch`));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.newDrafts).toBe(1);
    const made = (await drafts()).filter((p) => p.text === feedText(ITEMS[2]!));
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ status: 'draft', targets: [] });
    expect(made[0]!.variants.map((v) => v.channelId)).toEqual([channelId]);
    expect(first.body.feed.recentDrafts).toEqual([expect.objectContaining({ postId: made[0]!.id, text: feedText(ITEMS[2]!) })]);
    expect(first.body.feed.itemCount).toBe(3);

    const second = await owner.post(path(`/${feed.id}/fetch`));
    expect(second.body.newDrafts).toBe(0);
    const conditional = requests.filter((r) => r.path === '/rss/news.xml').at(-1)!;
    expect(conditional.headers['if-none-match']).toBeTruthy();
    expect(conditional.status).toBe(304);
    expect(second.body.feed.lastError).toBeNull();

    // the feed changes: the new item once, however often it is fetched
    feedsServed['/rss/news.xml'] = ITEMS;
    expect((await owner.post(path(`/${feed.id}/fetch`))).body.newDrafts).toBe(1);
    expect((await owner.post(path(`/${feed.id}/fetch`))).body.newDrafts).toBe(0);
    const all = (await drafts()).filter((p) => ITEMS.some((i) => p.text === feedText(i)));
    expect(all.map((p) => p.text).sort()).toEqual([feedText(ITEMS[2]!), feedText(ITEMS[3]!)].sort());
  });

  it('Atom with Last-Modified: If-Modified-Since answered 304; the cron job drafts new entries', async () => {
    feedsServed['/atom/roasters.xml'] = ITEMS.slice(0, 1);
    const feed = (await add(`${siteUrl}/atom/roasters.xml`)).body;
    expect(feed.title).toBe('Aurora Roasters (Atom)');
    const unchanged = await owner.post(path(`/${feed.id}/fetch`));
    expect(unchanged.body.newDrafts).toBe(0);
    const last = requests.filter((r) => r.path === '/atom/roasters.xml').at(-1)!;
    expect(last.headers['if-modified-since']).toBeTruthy();
    expect(last.status).toBe(304);

    const count = async (i: Item) => (await drafts()).filter((p) => p.text === feedText(i)).length;
    const before = [await count(ITEMS[1]!), await count(ITEMS[2]!)];
    feedsServed['/atom/roasters.xml'] = ITEMS.slice(0, 3);
    await t.jobs.enqueue(t.database.db, pollFeeds, {});
    await until('the cron job drafts the two new Atom entries', async () => (await count(ITEMS[1]!)) === before[0]! + 1 && (await count(ITEMS[2]!)) === before[1]! + 1);
    expect((await owner.post(path(`/${feed.id}/fetch`))).body.newDrafts).toBe(0);
    expect([await count(ITEMS[1]!), await count(ITEMS[2]!)]).toEqual([before[0]! + 1, before[1]! + 1]);
  });

  it('a feed that breaks later shows lastError, and recovers', async () => {
    brokenServesGarbage = false;
    const feed = (await add(`${siteUrl}/broken.xml`)).body;
    brokenServesGarbage = true;
    const res = await owner.post(path(`/${feed.id}/fetch`));
    expect(res.status).toBe(200);
    expect(res.body.newDrafts).toBe(0);
    expect(res.body.feed.lastError).toMatch(/^This address does not serve an RSS or Atom feed/);
    const listed = (await owner.get(path())).body.feeds.find((f: { id: string }) => f.id === feed.id);
    expect(listed.lastError).toBe(res.body.feed.lastError);
    brokenServesGarbage = false;
    const ok = await owner.post(path(`/${feed.id}/fetch`));
    expect(ok.body.feed.lastError).toBeNull();
  });
});

describe('who may do what', () => {
  it('viewers read feeds; only social media managers and above add, fetch and remove', async () => {
    feedsServed['/rss/roles.xml'] = ITEMS.slice(0, 1);
    const analyst = await addMember(t, ws, ['analyst']);
    const contributor = await addMember(t, ws, ['contributor']);
    const smm = await addMember(t, ws, ['social_media_manager']);
    expect((await analyst.get(path())).status).toBe(200);
    const refused = await add(`${siteUrl}/rss/roles.xml`, analyst);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect((await add(`${siteUrl}/rss/roles.xml`, contributor)).status).toBe(403);
    const made = await add(`${siteUrl}/rss/roles.xml`, smm);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect((await analyst.post(path(`/${made.body.id}/fetch`))).status).toBe(403);
    expect((await analyst.delete(path(`/${made.body.id}`))).status).toBe(403);
    expect((await smm.post(path(`/${made.body.id}/fetch`))).status).toBe(200);
  });

  it('another workspace cannot see, fetch or remove the feed', async () => {
    feedsServed['/rss/private-ws.xml'] = ITEMS.slice(0, 1);
    const feed = (await add(`${siteUrl}/rss/private-ws.xml`)).body;
    const other = (await signUpUser(t.baseUrl, 'Other')).client;
    const otherWs = (await other.post('/api/workspaces', { name: 'Elsewhere' })).body.id;
    expect((await other.post(`/api/workspaces/${otherWs}/feeds/${feed.id}/fetch`)).status).toBe(404);
    expect((await other.delete(`/api/workspaces/${otherWs}/feeds/${feed.id}`)).status).toBe(404);
    expect((await other.get(`/api/workspaces/${otherWs}/feeds`)).body.feeds).toEqual([]);
  });

  it('removing a feed keeps its drafts', async () => {
    feedsServed['/rss/removed.xml'] = ITEMS.slice(0, 1);
    const feed = (await add(`${siteUrl}/rss/removed.xml`)).body;
    feedsServed['/rss/removed.xml'] = ITEMS.slice(0, 2);
    expect((await owner.post(path(`/${feed.id}/fetch`))).body.newDrafts).toBe(1);
    const before = (await drafts()).length;
    expect((await owner.delete(path(`/${feed.id}`))).status).toBe(200);
    expect((await owner.get(path())).body.feeds.some((f: { id: string }) => f.id === feed.id)).toBe(false);
    expect((await drafts()).length).toBe(before);
    expect((await owner.delete(path(`/${feed.id}`))).status).toBe(404);
    const audit = (await owner.get(`/api/workspaces/${ws}/audit`)).body.entries.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['feed.added', 'feed.removed']));
  });
});
