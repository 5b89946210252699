import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, count, eq, isNotNull } from 'drizzle-orm';
import { describeWithSharedData } from '../../../../nlp/datasets/describeWithSharedData';
import { sharedDataDir } from '../../../../nlp/datasets/paths';
import { communityExternalIds, communityMemberBadges, communityMembers, communityPosts, communityThreads } from '../../../db/schema';
import type { ApiClient } from '../../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../../test/testServer';
import { importStackExchange } from '../commands/importStackExchange';
import { communityOwner, MemberClient } from '../testMembers';

/** The conlang.meta sample (177 posts, 230 comments, 272 users, 1,119 votes, 612 badges) imported on both engines. */
const SITE = 'conlang.meta.stackexchange.com';
let t: TestTandem;
let ws: string;
let owner: ApiClient;
let first: Awaited<ReturnType<typeof importStackExchange>>;
const tmp = mkdtempSync(join(tmpdir(), 'tandem-se-'));

describeWithSharedData('importing a Stack Exchange dump', () => {
  beforeAll(async () => {
    t = await startTestTandem();
    ({ owner, workspaceId: ws } = await communityOwner(t, 'Conlang'));
    first = await importStackExchange({ db: t.database.db, workspaceId: ws, folder: join(sharedDataDir, 'community-sample', SITE) });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  const tally = async () => {
    const db = t.database.db;
    const n = async (table: typeof communityMembers | typeof communityPosts | typeof communityThreads | typeof communityMemberBadges | typeof communityExternalIds) =>
      Number((await db.select({ n: count() }).from(table).where(eq(table.workspaceId, ws)))[0]!.n);
    return { members: await n(communityMembers), threads: await n(communityThreads), posts: await n(communityPosts), badges: await n(communityMemberBadges), ids: await n(communityExternalIds) };
  };

  it('creates members, a Q&A space, threads, answers, comments, accepted answers, scores and badges', async () => {
    expect(first.counts).toMatchObject({ members: 272, questions: 54, answers: 115, otherPostsSkipped: 8, comments: 230, acceptedAnswers: 11, badges: 612 });
    expect(first.rowsRead).toBe(272 + 177 + 230 + 1119 + 612);
    const space = (await owner.get(`/api/workspaces/${ws}/community/spaces/${first.spaceId}`)).body;
    expect(space.space).toMatchObject({ kind: 'qa', slug: 'conlang-meta', visibility: 'public' });
    // The space page lists the latest 50 of the 54 threads: count the solved ones in the table.
    const solved = await t.database.db.select({ n: count() }).from(communityThreads).where(and(eq(communityThreads.spaceId, first.spaceId), isNotNull(communityThreads.acceptedPostId)));
    expect(Number(solved[0]!.n)).toBe(11);
    expect(space.threads.some((x: { solved: boolean }) => x.solved)).toBe(true);

    const anon = new MemberClient(t.baseUrl, ws);
    // Question 1 of the dump: "Are questions asked in conlangs accepted on this site?", tags, accepted answer 2.
    const [listed] = await t.database.db.select().from(communityThreads).where(and(eq(communityThreads.spaceId, first.spaceId), eq(communityThreads.title, 'Are questions asked in conlangs accepted on this site?')));
    expect(listed!.tags).toEqual(['discussion', 'on-topic']);
    const thread = (await anon.get(`/threads/${listed!.id}`)).body;
    expect(thread.tags).toEqual(['discussion', 'on-topic']);
    const accepted = thread.posts.find((p: { id: string }) => p.id === thread.acceptedPostId);
    expect(accepted.bodySource).toMatch(/^\*\*I don't think this is a good idea to allow on-site\.\*\*/);
    expect(accepted.bodyHtml).toMatch(/^<p><strong>I don't think this is a good idea/);
    expect(thread.posts[0].bodyHtml).not.toMatch(/<(script|img|iframe)/);
    // Comment 3 answers post 2 (the accepted answer): a reply pointing at it.
    const comment = thread.posts.find((p: { bodySource: string }) => p.bodySource?.startsWith('"*English is the official language'));
    expect(comment.replyToId).toBe(accepted.id);
    expect(comment.bodyHtml).toContain('<em>English is the official language of Stack Exchange, <strong>except');
    expect(accepted.score).toBeGreaterThan(0);
    expect(thread.createdAt).toBe('2018-02-06T20:19:50.957Z');

    // The author, with badges on the profile; no password, a non-deliverable address.
    const profile = (await anon.get(`/members/${thread.author.id}`)).body;
    expect(profile.badges.length).toBeGreaterThan(0);
    expect(profile.badges[0]).toMatchObject({ tier: expect.stringMatching(/gold|silver|bronze/), count: expect.any(Number) });
    const [row] = await t.database.db.select().from(communityMembers).where(eq(communityMembers.id, thread.author.id));
    expect(row!.passwordHash).toBeNull();
    expect(row!.email).toMatch(new RegExp(`^se-\\d+@${SITE.replace(/\./g, '\\.')}\\.import\\.invalid$`));
    expect((await anon.post('/signin', { email: row!.email, password: 'anything at all' })).status).toBe(401);

    // Searchable like any post.
    const found = (await anon.get(`/search?${new URLSearchParams({ q: 'official language' })}`)).body;
    expect(found.results.map((r: { postId: string }) => r.postId)).toContain(accepted.id);
  });

  it('adds nothing twice when run again', async () => {
    const before = await tally();
    const again = await importStackExchange({ db: t.database.db, workspaceId: ws, folder: join(sharedDataDir, 'community-sample', SITE) });
    expect(await tally()).toEqual(before);
    expect(again.counts).toMatchObject({ membersAlreadyImported: 272, postsAlreadyImported: 169, commentsAlreadyImported: 230, badgesAlreadyImported: 612, acceptedAnswers: 0 });
    expect(again.counts.members ?? 0).toBe(0);
    expect(again.spaceId).toBe(first.spaceId);
  }, 120_000);

  it('says what is wrong: missing folder or file, unknown community, malformed XML', async () => {
    await expect(importStackExchange({ db: t.database.db, workspaceId: ws, folder: join(tmp, 'nope') })).rejects.toThrow(/No folder at .*nope/);
    const partial = join(tmp, 'partial.stackexchange.com');
    cpSync(join(sharedDataDir, 'community-sample', SITE), partial, { recursive: true });
    rmSync(join(partial, 'Votes.xml'));
    await expect(importStackExchange({ db: t.database.db, workspaceId: ws, folder: partial })).rejects.toThrow(/lacks Votes\.xml/);
    await expect(importStackExchange({ db: t.database.db, workspaceId: '00000000-0000-4000-8000-000000000000', folder: join(sharedDataDir, 'community-sample', SITE) })).rejects.toThrow(/community for workspace 0{8}-.* was not found/);
    writeFileSync(join(partial, 'Votes.xml'), '<votes>\n<row Id="1" PostId="1" VoteTypeId="2" />\n<row Id="2" PostId="1"\n');
    await expect(importStackExchange({ db: t.database.db, workspaceId: ws, folder: partial })).rejects.toThrow(/Votes\.xml line \d+: the file ends before <\/votes>/);
  }, 120_000);
});
