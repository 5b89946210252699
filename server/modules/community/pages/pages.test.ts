import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../../test/testServer';
import { communityOwner, createSpace, joinCommunity, MemberClient } from '../testMembers';

/** The public community pages as a search engine, a link preview or a browser with JavaScript off sees them. */
let t: TestTandem;
let ws: string;
let owner: ApiClient;
let threadId: string;
let membersThreadId: string;
let privateThreadId: string;
let member: MemberClient;
let webDist: string;
/** Canonical addresses use the configured public address, not the one a request came in on. */
const ORIGIN = 'http://forum.example';

const page = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(t.baseUrl + path, { headers, redirect: 'manual' });
  return { status: res.status, headers: res.headers, html: await res.text() };
};

beforeAll(async () => {
  // A web build's manifest, so pages link the forum bundle as they do after `npm run build:web`.
  webDist = mkdtempSync(join(tmpdir(), 'tandem-forum-dist-'));
  mkdirSync(join(webDist, '.vite'));
  writeFileSync(
    join(webDist, '.vite', 'manifest.json'),
    JSON.stringify({
      'src/forum/main.tsx': { file: 'assets/forum-abc.js', isEntry: true, imports: ['_jsx-runtime.js'], css: ['assets/forum-abc.css'] },
      '_jsx-runtime.js': { file: 'assets/jsx-runtime.js' },
    }),
  );
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>app</title>');
  t = await startTestTandem({ PUBLIC_URL: ORIGIN }, { webDist });
  ({ owner, workspaceId: ws } = await communityOwner(t, 'Caffè Pages'));
  const open = await createSpace(owner, ws, { name: 'Brewing', slug: 'brewing', description: 'Everything about brewing at home.' });
  const membersOnly = await createSpace(owner, ws, { name: 'Regulars', slug: 'regulars', visibility: 'members' });
  const hidden = await createSpace(owner, ws, { name: 'Backstage', slug: 'backstage', visibility: 'private' });
  member = await joinCommunity(t, ws, { name: 'Luca Barista' });
  const th = await member.post('/spaces/brewing/threads', { title: 'Best grind for a moka pot?', body: 'I use **medium-fine**; what about you? </script><script>alert(1)</script>' });
  threadId = th.body.id;
  const other = await joinCommunity(t, ws, { name: 'Sara' });
  await other.post(`/threads/${threadId}/replies`, { body: 'A bit coarser than espresso, _never_ powder.' });
  membersThreadId = (await owner.post(`/api/workspaces/${ws}/community/spaces/${membersOnly.id}/threads`, { title: 'Regulars only', body: 'Secret menu' })).body.id;
  privateThreadId = (await owner.post(`/api/workspaces/${ws}/community/spaces/${hidden.id}/threads`, { title: 'Backstage plans', body: 'Hidden' })).body.id;
  expect(open.slug).toBe('brewing');
});
afterAll(async () => {
  await t?.stop();
  rmSync(webDist, { recursive: true, force: true });
});

const canonical = () => `/c/${ws}/t/${threadId}/best-grind-for-a-moka-pot`;

describe('a public thread page', () => {
  it('redirects any address of the thread to its one canonical address', async () => {
    for (const path of [`/c/${ws}/t/${threadId}`, `/c/${ws}/t/${threadId}/old-title`]) {
      const res = await page(path);
      expect(res.status).toBe(301);
      expect(res.headers.get('location')).toBe(canonical());
    }
  });

  it('is complete HTML: content, author, dates, meta, Open Graph, Twitter card and JSON-LD', async () => {
    const res = await page(canonical());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = res.html;
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(html).toContain('<title>Best grind for a moka pot? · Caffè Pages community</title>');
    expect(html).toContain('<strong>medium-fine</strong>');
    expect(html).toContain('A bit coarser than espresso, <em>never</em> powder.');
    expect(html).toContain('Luca Barista');
    expect(html).toMatch(/<time dateTime="\d{4}-\d{2}-\d{2}T/);
    expect(html).toContain(`<link rel="canonical" href="${ORIGIN}${canonical()}">`);
    expect(html).toMatch(/<meta name="description" content="I use medium-fine; what about you\?[^"]*">/);
    expect(html).toContain('<meta property="og:title" content="Best grind for a moka pot? · Caffè Pages community">');
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain('<meta name="twitter:card" content="summary">');
    expect(html).not.toContain('noindex');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)![1]!);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'DiscussionForumPosting',
      headline: 'Best grind for a moka pot?',
      url: `${ORIGIN}${canonical()}`,
      author: { '@type': 'Person', name: 'Luca Barista' },
      interactionStatistic: { userInteractionCount: 1 },
      comment: [{ '@type': 'Comment', text: 'A bit coarser than espresso, never powder.', author: { name: 'Sara' } }],
    });
    expect(ld.text).toMatch(/^I use medium-fine; what about you\?/);
  });

  it('lets no posted markup run: the body is sanitized, embedded JSON cannot close its script tag', async () => {
    const html = (await page(canonical())).html;
    expect(html).not.toContain('<script>alert(1)</script>');
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    expect(scripts).toEqual(['<script type="application/ld+json">', '<script id="forum-data" type="application/json">', '<script type="module" src="/assets/forum-abc.js">']);
  });

  it('links the forum bundle from the web build and embeds the data it hydrates from', async () => {
    const html = (await page(canonical())).html;
    expect(html).toContain('<link rel="stylesheet" href="/assets/forum-abc.css">');
    expect(html).toContain('<link rel="modulepreload" href="/assets/jsx-runtime.js">');
    const data = JSON.parse(/<script id="forum-data" type="application\/json">(.*?)<\/script>/.exec(html)![1]!);
    expect(data).toMatchObject({ locale: 'en', me: null, csrfToken: null, page: { kind: 'thread', thread: { id: threadId, replyCount: 1 } } });
    expect(Object.keys(data.strings)).toContain('reply');
  });
});

describe('who sees what', () => {
  it('asks anonymous readers of a members-only thread to sign in, with noindex, and shows it to members', async () => {
    const anon = await page(`/c/${ws}/t/${membersThreadId}/regulars-only`);
    expect(anon.status).toBe(401);
    expect(anon.html).toContain('Members only');
    expect(anon.html).not.toContain('Secret menu');
    expect(anon.html).toContain('<meta name="robots" content="noindex">');
    const signedIn = await page(`/c/${ws}/t/${membersThreadId}/regulars-only`, { cookie: member.cookie });
    expect(signedIn.status).toBe(200);
    expect(signedIn.html).toContain('Secret menu');
    expect(signedIn.html).toContain('<meta name="robots" content="noindex">');
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
    const data = JSON.parse(/<script id="forum-data" type="application\/json">(.*?)<\/script>/.exec(signedIn.html)![1]!);
    expect(data.me).toMatchObject({ displayName: 'Luca Barista' });
    expect(data.csrfToken).toBe(member.csrf);
  });

  it('answers 404 for a private thread, an unknown thread, an unknown space and a community not set up', async () => {
    expect((await page(`/c/${ws}/t/${privateThreadId}/backstage-plans`, { cookie: member.cookie })).status).toBe(404);
    expect((await page(`/c/${ws}/t/00000000-0000-4000-8000-000000000000/x`)).status).toBe(404);
    const space = await page(`/c/${ws}/s/nowhere`);
    expect(space.status).toBe(404);
    expect(space.html).toContain('Page not found');
    expect((await page(`/c/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await page(`/c/not-a-uuid`)).status).toBe(404);
  });

  it('lists only the spaces a reader may read on the home page', async () => {
    const anon = (await page(`/c/${ws}`)).html;
    expect(anon).toContain('Brewing');
    expect(anon).toContain('Everything about brewing at home.');
    expect(anon).not.toContain('Backstage');
    expect((await page(`/c/${ws}/s/brewing`)).html).toContain('1 reply');
  });
});

describe('languages', () => {
  it('speaks Italian with ?lang=it and remembers it in a cookie; Spanish from Accept-Language', async () => {
    const it1 = await page(`/c/${ws}/s/brewing?lang=it`);
    expect(it1.html).toMatch(/^<!doctype html><html lang="it">/);
    expect(it1.html).toContain('Discussioni');
    const cookie = /tandem_forum_lang=it/.exec(it1.headers.get('set-cookie') ?? '')?.[0];
    expect(cookie).toBeDefined();
    expect((await page(`/c/${ws}/s/brewing`, { cookie: cookie! })).html).toContain('lang="it"');
    const es = await page(`/c/${ws}/s/brewing`, { 'accept-language': 'es-ES,es;q=0.9,en;q=0.5' });
    expect(es.html).toContain('Conversaciones');
    expect(es.html).toContain(`<link rel="alternate" hreflang="it" href="${ORIGIN}/c/${ws}/s/brewing?lang=it">`);
  });
});

describe('sitemap.xml and robots.txt', () => {
  it('lists public spaces and threads only, and robots.txt points at the sitemap', async () => {
    const sitemap = await page(`/c/${ws}/sitemap.xml`);
    expect(sitemap.headers.get('content-type')).toMatch(/application\/xml/);
    expect(sitemap.html).toContain(`<loc>${ORIGIN}${canonical()}</loc>`);
    expect(sitemap.html).toContain(`<loc>${ORIGIN}/c/${ws}/s/brewing</loc>`);
    expect(sitemap.html).not.toContain(membersThreadId);
    expect(sitemap.html).not.toContain(privateThreadId);
    expect(sitemap.html).not.toContain('regulars');
    const robots = await page('/robots.txt');
    expect(robots.html).toContain('Allow: /c/');
    expect(robots.html).toContain(`Sitemap: ${ORIGIN}/c/${ws}/sitemap.xml`);
  });
});

describe('the anonymous page cache', () => {
  it('serves anonymous readers a page up to COMMUNITY_PAGE_CACHE_SECONDS old, members a fresh one', async () => {
    const before = await page(canonical());
    expect(before.html).not.toContain('Fresh from the grinder');
    await member.post(`/threads/${threadId}/replies`, { body: 'Fresh from the grinder' });
    expect((await page(canonical())).html).toBe(before.html);
    expect((await page(canonical(), { cookie: member.cookie })).html).toContain('Fresh from the grinder');
    await new Promise((r) => setTimeout(r, 2_100));
    expect((await page(canonical())).html).toContain('Fresh from the grinder');
  });

  it('leaves the Markdown sources and the HTML already in the page out of the embedded data', async () => {
    const html = (await page(canonical(), { cookie: member.cookie })).html;
    const data = JSON.parse(/<script id="forum-data" type="application\/json">(.*?)<\/script>/.exec(html)![1]!);
    expect(data.page.thread.posts.every((p: { bodySource: unknown; bodyHtml: unknown }) => p.bodySource === null && p.bodyHtml === null)).toBe(true);
    // …which the page holds once, where the bundle reads it back.
    expect(html).toContain('<div class="prose"><p>Fresh from the grinder</p>');
  });
});

describe('account pages and profiles', () => {
  it('serves the forgot, reset and sign-in-link pages with noindex and without the token in the page', async () => {
    for (const path of ['forgot', 'reset?token=secret-token-value-123456', 'magic?token=secret-token-value-123456']) {
      const res = await page(`/c/${ws}/${path}`);
      expect(res.status).toBe(200);
      expect(res.html).toContain('<meta name="robots" content="noindex">');
      expect(res.html).not.toContain('secret-token-value');
    }
    expect((await page('/robots.txt')).html).toContain('Disallow: /c/*/magic');
  });

  it("shows a member's @handle, and to a member who blocked them, the unblock button", async () => {
    const other = await joinCommunity(t, ws, { name: 'Blocked Bea' });
    const profile = `/c/${ws}/u/${other.id}`;
    expect((await page(profile)).html).toContain('@blocked_bea');
    expect((await member.request('PUT', `/me/blocks/${other.id}`)).status).toBeLessThan(300);
    const html = (await page(profile, { cookie: member.cookie })).html;
    expect(html).toContain('Unblock');
    expect(JSON.parse(/<script id="forum-data" type="application\/json">(.*?)<\/script>/.exec(html)![1]!).page.blockedByMe).toBe(true);
  });
});

describe('every page draws all its strings', () => {
  it('shows no raw string key on any kind of page, for visitors and members (each page carries only the strings it draws)', async () => {
    const visitor = ['', '/s/brewing', canonical().replace(`/c/${ws}`, ''), `/u/${member.id}`, '/join', '/signin', '/guidelines', '/forgot', '/reset?token=x', '/magic?token=x', '/search?q=moka', '/s/nowhere', '/notifications', '/settings'];
    const signedIn = ['', '/s/brewing', canonical().replace(`/c/${ws}`, ''), `/u/${member.id}`, '/settings', '/notifications', '/search?q=grind', '/join'];
    for (const [paths, headers] of [
      [visitor, {}],
      [signedIn, { cookie: member.cookie }],
    ] as const) {
      for (const path of paths) {
        for (const lang of ['en', 'it', 'es']) {
          const html = (await page(`/c/${ws}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`, headers)).html;
          const body = html.slice(html.indexOf('<body>'), html.indexOf('<script id="forum-data"'));
          expect(body.match(/\bforum\.[a-z]+\.[A-Za-z.]+/g), `${lang} ${path}`).toBeNull();
        }
      }
    }
  }, 120_000);
});
