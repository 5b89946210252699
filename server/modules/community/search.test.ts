import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ApiClient } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { communityOwner, createSpace, joinCommunity, MemberClient } from './testMembers';
import { highlightHtml, MARK_START, MARK_STOP } from './search/highlight';

/** Multilingual full-text search through HTTP on both engines. */
let t: TestTandem;
let ws: string;
let owner: ApiClient;
let alice: MemberClient;
let bob: MemberClient;
let spaces: Record<string, { id: string; slug: string }>;
const team = (path: string) => `/api/workspaces/${ws}/community${path}`;
const search = (c: MemberClient, params: Record<string, string>) => c.get(`/search?${new URLSearchParams(params)}`);
const ids = (body: { results: { postId: string }[] }) => body.results.map((r) => r.postId);

async function thread(m: MemberClient, slug: string, title: string, body: string) {
  const res = await m.post(`/spaces/${slug}/threads`, { title, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; posts: { id: string; language: string }[] };
}

let italian: { id: string; posts: { id: string; language: string }[] };
let spanish: { id: string; posts: { id: string; language: string }[] };
let english: { id: string; posts: { id: string; language: string }[] };
let hidden: string;
let pendingByBob: string;

beforeAll(async () => {
  t = await startTestTandem();
  ({ owner, workspaceId: ws } = await communityOwner(t, 'Caffè Search'));
  spaces = {
    bar: await createSpace(owner, ws, { name: 'Bar', slug: 'bar', defaultLanguage: 'it' }),
    club: await createSpace(owner, ws, { name: 'Club', slug: 'club', visibility: 'members' }),
    vip: await createSpace(owner, ws, { name: 'VIP', slug: 'vip', visibility: 'private' }),
    queue: await createSpace(owner, ws, { name: 'Queue', slug: 'queue', requireReplyApproval: true }),
  };
  alice = await joinCommunity(t, ws, { name: 'Alice' });
  bob = await joinCommunity(t, ws, { name: 'Bob' });
  italian = await thread(alice, 'bar', 'Le macchine per il caffè', 'Quale macchina consigliate per fare un buon caffè espresso a casa? Cerco qualcosa di semplice.');
  spanish = await thread(bob, 'bar', 'Canciones para la cafetería', 'Buscamos canciones tranquilas para escuchar mientras tomamos un café con leche por la mañana.');
  english = await thread(alice, 'bar', 'Grinding beans for espresso', 'I am grinding my beans finer every morning and the espresso tastes bitter. <script>alert(1)</script> Any tips?');
  hidden = (await owner.post(team(`/spaces/${spaces.vip!.id}/threads`), { title: 'Secret espresso menu', body: 'Only for invited members: espresso tonic.' })).body.posts[0].id;
  const clubThread = await thread(alice, 'club', 'Members espresso night', 'An espresso tasting for members only.');
  expect(clubThread.id).toBeTruthy();
  const q = await thread(alice, 'queue', 'Queue thread', 'Nothing to see.');
  pendingByBob = (await bob.post(`/threads/${q.id}/replies`, { body: 'My espresso reply waits for approval.' })).body.id;
});
afterAll(async () => t?.stop());

describe('language of each post', () => {
  it('detects the language on write and falls back to the space default for short texts', async () => {
    expect(italian.posts[0]!.language).toBe('it');
    expect(spanish.posts[0]!.language).toBe('es');
    expect(english.posts[0]!.language).toBe('en');
    const short = await thread(bob, 'bar', 'Ok!', 'Sì');
    expect(short.posts[0]!.language).toBe('it');
  });

  it('has the four text search configurations and folds accents when unaccent is there', async () => {
    const cfgs = (await t.database.db.execute(sql`select cfgname from pg_ts_config where cfgname like 'tandem_%' order by 1`)) as unknown as { rows: unknown[] };
    expect((cfgs.rows as { cfgname: string }[]).map((r) => r.cfgname)).toEqual(['tandem_english', 'tandem_italian', 'tandem_simple', 'tandem_spanish']);
    const folded = (await t.database.db.execute(sql`select to_tsvector('tandem_english', 'café') = to_tsvector('tandem_english', 'cafe') as same`)) as unknown as { rows: unknown[] };
    // Both engines here ship unaccent (PGlite's bundle is loaded by server/db/client.ts).
    expect((folded.rows[0] as { same: boolean }).same).toBe(true);
  });
});

describe('searching', () => {
  it('stems Italian and Spanish words in their own configuration', async () => {
    const macchina = await search(alice, { q: 'macchina' });
    expect(macchina.status, JSON.stringify(macchina.body)).toBe(200);
    expect(ids(macchina.body)).toContain(italian.posts[0]!.id);
    const cancion = await search(alice, { q: 'canción' });
    expect(ids(cancion.body)).toContain(spanish.posts[0]!.id);
    // English stemming does not reduce "canciones" to "cancion": only the Spanish config finds it from the singular.
    expect(ids((await search(alice, { q: 'grind' })).body)).toContain(english.posts[0]!.id);
  });

  it('is accent-insensitive: caffe finds caffè, cafe finds café', async () => {
    expect(ids((await search(alice, { q: 'caffe' })).body)).toContain(italian.posts[0]!.id);
    expect(ids((await search(alice, { q: 'cafe con leche' })).body)).toContain(spanish.posts[0]!.id);
  });

  it('highlights matches with <mark> only, escaping everything else', async () => {
    const res = await search(alice, { q: 'espresso tips' });
    const hit = res.body.results.find((r: { postId: string }) => r.postId === english.posts[0]!.id);
    expect(hit.snippetHtml).toContain('<mark>tips</mark>');
    expect(hit.snippetHtml).not.toMatch(/<(?!\/?mark>)/);
    expect(hit.titleHtml).toBe('Grinding beans for <mark>espresso</mark>');
    expect(highlightHtml(`<b>x</b> ${MARK_START}y${MARK_STOP} ${MARK_STOP}z${MARK_START}w`)).toBe('&lt;b&gt;x&lt;/b&gt; <mark>y</mark> z<mark>w</mark>');
  });

  it('parses any input safely (web-search syntax)', async () => {
    for (const q of ['"unbalanced', 'a & b | !c :*', '((( -- or', "'; drop table community_posts; --"]) {
      expect((await search(alice, { q })).status, q).toBe(200);
    }
    expect((await search(alice, { q: '-bitter espresso' })).body.results.map((r: { postId: string }) => r.postId)).not.toContain(english.posts[0]!.id);
    expect((await search(alice, { q: 'x' })).status).toBe(400);
  });

  it('shows each reader only what they may read', async () => {
    const anonymous = new MemberClient(t.baseUrl, ws);
    const anon = ids((await search(anonymous, { q: 'espresso', pageSize: '50' })).body);
    expect(anon).toContain(english.posts[0]!.id);
    expect(anon).not.toContain(hidden);
    // The public space's Italian and English posts, nothing from members-only, private or pending ones.
    expect(anon.sort()).toEqual([italian.posts[0]!.id, english.posts[0]!.id].sort());
    const member = (await search(alice, { q: 'espresso', pageSize: '50' })).body;
    expect(member.results.map((r: { space: { slug: string } }) => r.space.slug).sort()).toEqual(['bar', 'bar', 'club']);
    expect(ids(member)).not.toContain(pendingByBob);
    expect(ids((await search(bob, { q: 'espresso', pageSize: '50' })).body)).toContain(pendingByBob);
    await owner.put(team(`/spaces/${spaces.vip!.id}/invites/${alice.id}`), {});
    expect(ids((await search(alice, { q: 'espresso', pageSize: '50' })).body)).toContain(hidden);
    const staff = await owner.get(team('/search?q=espresso&pageSize=50'));
    expect(staff.status).toBe(200);
    expect(ids(staff.body)).toEqual(expect.arrayContaining([hidden, pendingByBob, english.posts[0]!.id]));
    expect((await search(anonymous, { q: 'espresso', space: 'vip' })).status).toBe(404);
  });

  it('forgets deleted posts', async () => {
    const gone = await thread(bob, 'bar', 'Zabaione recipe', 'Zabaione with marsala.');
    expect(ids((await search(alice, { q: 'zabaione' })).body)).toEqual([gone.posts[0]!.id]);
    await bob.delete(`/posts/${gone.posts[0]!.id}`);
    expect(ids((await search(alice, { q: 'zabaione' })).body)).toEqual([]);
  });

  it('follows edits, filters by space and author, ranks title matches first, and pages', async () => {
    const a = await thread(alice, 'bar', 'Ristretto questions', 'A short shot.');
    const reply = (await bob.post(`/threads/${a.id}/replies`, { body: 'Ristretto is shorter than espresso, ristretto is sweeter.' })).body;
    await alice.patch(`/posts/${a.posts[0]!.id}`, { body: 'A short shot, no mention now.', title: 'Tiny shots' });
    expect(ids((await search(alice, { q: 'ristretto' })).body)).toEqual([reply.id]);
    await alice.patch(`/posts/${a.posts[0]!.id}`, { body: 'A short shot.', title: 'Ristretto questions' });
    expect(ids((await search(alice, { q: 'ristretto' })).body)).toEqual([a.posts[0]!.id, reply.id]);
    expect(ids((await search(alice, { q: 'ristretto', author: bob.id })).body)).toEqual([reply.id]);
    expect(ids((await search(alice, { q: 'espresso', space: 'club' })).body)).toHaveLength(1);
    const first = (await search(alice, { q: 'ristretto', pageSize: '1' })).body;
    const second = (await search(alice, { q: 'ristretto', pageSize: '1', page: '2' })).body;
    expect([first.hasMore, second.hasMore]).toEqual([true, false]);
    expect([...ids(first), ...ids(second)]).toEqual([a.posts[0]!.id, reply.id]);
  });
});
