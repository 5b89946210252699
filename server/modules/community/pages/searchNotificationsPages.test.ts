import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../../test/testServer';
import { communityOwner, createSpace, joinCommunity, type MemberClient } from '../testMembers';

/** The search and notifications pages as complete HTML (both engines), and what they embed for hydration. */
let t: TestTandem;
let ws: string;
let owner: ApiClient;
let luca: MemberClient;
let sara: MemberClient;
let threadId: string;
let replyId: string;
let mentionId: string;
let membersThreadId: string;
let qaThreadId: string;
let webDist: string;

const page = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(t.baseUrl + path, { headers, redirect: 'manual' });
  return { status: res.status, headers: res.headers, html: await res.text() };
};
const embedded = (html: string) => JSON.parse(/<script id="forum-data" type="application\/json">(.*?)<\/script>/.exec(html)![1]!);
const search = (params: Record<string, string>, headers: Record<string, string> = {}) => page(`/c/${ws}/search?${new URLSearchParams(params)}`, headers);

beforeAll(async () => {
  // No page cache: each request here must show the database as it is now.
  // A web build's manifest: pages embed their data only when they link the forum bundle.
  webDist = mkdtempSync(join(tmpdir(), 'tandem-forum-dist-'));
  mkdirSync(join(webDist, '.vite'));
  writeFileSync(join(webDist, '.vite', 'manifest.json'), JSON.stringify({ 'src/forum/main.tsx': { file: 'assets/forum-abc.js', isEntry: true } }));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>app</title>');
  t = await startTestTandem({ COMMUNITY_PAGE_CACHE_SECONDS: '0' }, { webDist });
  ({ owner, workspaceId: ws } = await communityOwner(t, 'Caffè Finder'));
  expect((await owner.put(`/api/workspaces/${ws}/community`, { name: 'Caffè Finder community', welcomeMessage: 'Welcome! Say **hi** in the brewing space.' })).status).toBe(200);
  await createSpace(owner, ws, { name: 'Brewing', slug: 'brewing' });
  await createSpace(owner, ws, { name: 'Regulars', slug: 'regulars', visibility: 'members' });
  await createSpace(owner, ws, { name: 'Ask', slug: 'ask', kind: 'qa' });
  luca = await joinCommunity(t, ws, { name: 'Luca Barista' });
  sara = await joinCommunity(t, ws, { name: 'Sara' });
  threadId = (await luca.post('/spaces/brewing/threads', { title: 'Which grinder for a moka pot?', body: 'My blade grinder makes dust. <b>bold?</b>' })).body.id;
  replyId = (await sara.post(`/threads/${threadId}/replies`, { body: 'A burr grinder set a bit coarser than espresso.' })).body.id;
  await sara.post('/spaces/brewing/threads', { title: 'Grinder tips & tricks <i>now</i>', body: 'Clean the grinder weekly.' });
  membersThreadId = (await luca.post('/spaces/regulars/threads', { title: 'Regulars grinder swap', body: 'Who wants my old grinder?' })).body.id;
  const qa = (await luca.post('/spaces/ask/threads', { title: 'Tamper size for a basket?', body: 'Which tamper fits?' })).body;
  qaThreadId = qa.id;
  const answer = (await sara.post(`/threads/${qaThreadId}/replies`, { body: 'Measure the basket: most tampers are 58 mm.' })).body.id;
  expect((await luca.request('PUT', `/threads/${qaThreadId}/accepted-answer`, { postId: answer })).status).toBe(200);
  const handle = (await luca.get('/me')).body.member.handle as string;
  mentionId = (await sara.post(`/threads/${threadId}/replies`, { body: `@${handle} try a hand grinder too.` })).body.id;
});
afterAll(async () => {
  await t?.stop();
  rmSync(webDist, { recursive: true, force: true });
});

describe('the search page', () => {
  it('shows highlighted results with space, author, date and links to the thread or the reply, and is not indexed', async () => {
    const res = await search({ q: 'grinder' });
    expect(res.status).toBe(200);
    expect(res.html).toContain('<meta name="robots" content="noindex">');
    expect(res.html).toContain('<title>Search: grinder · Caffè Finder community</title>');
    expect(res.html).toContain('Results for “grinder”');
    expect(res.html).toMatch(/Which <mark>grinder<\/mark> for a moka pot\?/);
    expect(res.html).toContain(`href="/c/${ws}/t/${threadId}/which-grinder-for-a-moka-pot"`);
    expect(res.html).toContain(`href="/c/${ws}/t/${threadId}/which-grinder-for-a-moka-pot#post-${replyId}"`);
    expect(res.html).toContain(`href="/c/${ws}/s/brewing"`);
    expect(res.html).toContain('Sara');
    expect(res.html).toMatch(/<time dateTime="\d{4}-\d{2}-\d{2}T/);
    // Only <mark> is markup in a highlight: what members typed stays text.
    expect(res.html).toMatch(/<mark>Grinder<\/mark> tips &amp; tricks/);
    expect(res.html).not.toContain('<i>');
    expect(res.html).not.toContain('<b>bold?</b>');
    // The members-only thread stays out for visitors and appears for members.
    expect(res.html).not.toContain('Regulars grinder swap');
    expect((await search({ q: 'grinder' }, { cookie: luca.cookie })).html).toContain(membersThreadId);
    const data = embedded(res.html);
    expect(data.page).toMatchObject({ kind: 'search', q: 'grinder', space: null, problem: null, results: { query: 'grinder', page: 1, hasMore: false } });
    expect(data.page.spaces.map((s: { slug: string }) => s.slug)).toEqual(expect.arrayContaining(['brewing', 'ask']));
    expect(data.page.spaces.map((s: { slug: string }) => s.slug)).not.toContain('regulars');
  });

  it('marks solved threads and accepted answers', async () => {
    const html = (await search({ q: 'tamper' })).html;
    expect(html).toContain('<span class="badge solved">Solved</span>');
    expect(html).toContain('<span class="badge solved">Accepted answer</span>');
    expect(html).toContain(qaThreadId);
  });

  it('has a labelled search form, in the page and in the header of every page', async () => {
    const html = (await search({ q: 'grinder', space: 'brewing' })).html;
    expect(html).toMatch(/<label for="search-q">Search for<\/label><input id="search-q" type="search" [^>]*name="q" value="grinder"/);
    expect(html).toMatch(/<option value="brewing" selected="">Brewing<\/option>/);
    const home = (await page(`/c/${ws}`)).html;
    expect(home).toMatch(new RegExp(`<form class="header-search" role="search" aria-label="Search the community" action="/c/${ws}/search" method="get">`));
    expect(home).toContain('<label for="header-search-q" class="visually-hidden">Search the community</label>');
  });

  it('narrows to a space; an unknown space is a 404', async () => {
    const html = (await search({ q: 'grinder', space: 'ask' })).html;
    expect(html).toContain('No results for “grinder”');
    expect(html).not.toContain(threadId);
    expect((await search({ q: 'grinder', space: 'nowhere' })).status).toBe(404);
  });

  it('explains the empty search, a too short one and no results', async () => {
    const empty = await page(`/c/${ws}/search`);
    expect(empty.status).toBe(200);
    expect(empty.html).toContain('Type at least two characters to search the threads and replies.');
    expect(embedded(empty.html).page).toMatchObject({ q: '', results: null, problem: null });
    const short = await search({ q: 'a' });
    expect(short.status).toBe(200);
    expect(short.html).toContain('Search for at least 2 characters.');
    expect((await search({ q: 'zebra' })).html).toContain('No results for “zebra”');
    expect((await search({ q: 'x'.repeat(201) })).html).toContain('Keep the search under 200 characters.');
  });

  it('pages with previous and next links that keep the words and the space', async () => {
    const th = (await luca.post('/spaces/brewing/threads', { title: 'Portafilter notes', body: 'Portafilter number zero.' })).body.id as string;
    for (let i = 1; i <= 20; i++) await sara.post(`/threads/${th}/replies`, { body: `Portafilter note ${i}.` });
    const first = (await search({ q: 'portafilter', space: 'brewing' })).html;
    expect(first).toContain(`<a rel="next" href="/c/${ws}/search?q=portafilter&amp;space=brewing&amp;page=2">Next</a>`);
    expect(first).not.toContain('rel="prev"');
    const second = await search({ q: 'portafilter', space: 'brewing', page: '2' });
    expect(second.html).toContain(`<a rel="prev" href="/c/${ws}/search?q=portafilter&amp;space=brewing">Previous</a>`);
    expect(second.html).not.toContain('rel="next"');
    expect(embedded(second.html).page.results.results).toHaveLength(1);
  });

  it('speaks Italian', async () => {
    const html = (await search({ q: 'zebra', lang: 'it' })).html;
    expect(html).toContain('Nessun risultato per «zebra»');
  });
});

describe('the notifications page', () => {
  const path = () => `/c/${ws}/notifications`;

  it('asks visitors to sign in (401, noindex)', async () => {
    const res = await page(path());
    expect(res.status).toBe(401);
    expect(res.html).toContain('Members only');
    expect(res.html).toContain('<meta name="robots" content="noindex">');
    expect(res.html).not.toContain('class="bell"');
    expect(embedded(res.html).unreadNotifications).toBeNull();
  });

  it('shows the unread count in the header of every page for members', async () => {
    const html = (await page(`/c/${ws}`, { cookie: luca.cookie })).html;
    const unread = embedded(html).unreadNotifications as number;
    expect(unread).toBe((await luca.get('/notifications/unread-count')).body.unreadCount);
    expect(unread).toBeGreaterThan(2);
    expect(html).toContain(`aria-label="Notifications: ${unread} unread"`);
    expect(html).toContain(`href="/c/${ws}/notifications"`);
  });

  it('lists the notifications newest first, each in words with a link, unread ones marked', async () => {
    const res = await page(path(), { cookie: luca.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.html).toContain('<meta name="robots" content="noindex">');
    expect(res.html).toContain('Sara replied in “Portafilter notes”');
    // The earlier ones are on the next page: the 20 portafilter replies came later.
    const html = (await page(`${path()}?cursor=${embedded(res.html).page.nextCursor}`, { cookie: luca.cookie })).html;
    expect(html).toContain(`<a href="/c/${ws}/t/${threadId}/which-grinder-for-a-moka-pot#post-${mentionId}">Sara mentioned you in “Which grinder for a moka pot?”</a>`);
    expect(html).toContain(`Sara replied in “Which grinder for a moka pot?”`);
    expect(html).toContain('<li class="notification unread">');
    // The welcome message is the community's sanitized HTML.
    expect(html).toContain('Welcome to Caffè Finder community!');
    expect(html).toContain('<p>Welcome! Say <strong>hi</strong> in the brewing space.</p>');
    const data = embedded(res.html).page;
    expect(data.kind).toBe('notifications');
    expect(data.notifications.length).toBe(20);
    expect(data.unreadCount).toBeGreaterThan(20);
  });

  it('pages to older notifications by cursor; a bad cursor is a 404', async () => {
    const first = embedded((await page(path(), { cookie: luca.cookie })).html).page;
    const older = await page(`${path()}?cursor=${first.nextCursor}`, { cookie: luca.cookie });
    expect(first.notifications.length).toBe(20);
    expect(older.status).toBe(200);
    expect(older.html).toContain(`<a href="/c/${ws}/notifications">Newest</a>`);
    expect(older.html).toContain('Welcome to Caffè Finder community!');
    expect(older.html).toContain('Sara mentioned you in');
    const olderIds = embedded(older.html).page.notifications.map((n: { id: string }) => n.id);
    expect(olderIds.some((id: string) => first.notifications.some((n: { id: string }) => n.id === id))).toBe(false);
    expect((await page(`${path()}?cursor=nope`, { cookie: luca.cookie })).status).toBe(404);
  });

  it('speaks the member’s language', async () => {
    const html = (await page(`${path()}?cursor=${embedded((await page(path(), { cookie: luca.cookie })).html).page.nextCursor}&lang=it`, { cookie: luca.cookie })).html;
    expect(html).toContain('Sara ti ha menzionato in «Which grinder for a moka pot?»');
    expect(html).toContain('Segna tutte come lette');
  });

  it('shows everything read after "mark all as read"', async () => {
    expect((await luca.post('/notifications/read', { all: true })).body).toEqual({ unreadCount: 0 });
    const html = (await page(path(), { cookie: luca.cookie })).html;
    expect(html).not.toContain('notification unread');
    expect(html).toContain('0 unread notifications');
    expect(embedded(html).unreadNotifications).toBe(0);
    expect(html).toContain('aria-label="Notifications: 0 unread"');
  });

  it('keeps crawlers out of search and notifications in robots.txt', async () => {
    const robots = (await page('/robots.txt')).html;
    expect(robots).toContain('Disallow: /c/*/search');
    expect(robots).toContain('Disallow: /c/*/notifications');
  });
});
