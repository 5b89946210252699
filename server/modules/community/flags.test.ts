import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { communityFlags } from '../../db/schema';
import type { ApiClient } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { addMember } from '../../test/workspaceMember';
import { communityOwner, createSpace, joinCommunity, MemberClient } from './testMembers';

/** Flags and hiding through HTTP on both engines: members report, moderators agree (hide) or disagree, and hide by hand. */
let t: TestTandem;
let ws: string;
let owner: ApiClient;
let openId: string;
const team = (path: string) => `/api/workspaces/${ws}/community${path}`;

beforeAll(async () => {
  t = await startTestTandem();
  ({ owner, workspaceId: ws } = await communityOwner(t, 'Caffè Flags'));
  openId = (await createSpace(owner, ws, { name: 'Open', slug: 'open' })).id;
});
afterAll(async () => t?.stop());

async function thread(m: MemberClient, title = 'A thread', body = 'Opening words') {
  const res = await m.post('/spaces/open/threads', { title, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; posts: { id: string }[] };
}
async function reply(m: MemberClient, threadId: string, body = 'A reply', replyToId?: string) {
  const res = await m.post(`/threads/${threadId}/replies`, { body, ...(replyToId && { replyToId }) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}
const postIn = (threadBody: { posts: { id: string }[] }, id: string) => threadBody.posts.find((p) => p.id === id) as Record<string, unknown>;
async function auditActions(): Promise<string[]> {
  return (await owner.get(team('').replace('/community', '/audit'))).body.entries.map((e: { action: string }) => e.action);
}

describe('flagging a post', () => {
  it('takes one flag per member and post, with a reason and an optional message', async () => {
    const author = await joinCommunity(t, ws, { name: 'Author' });
    const flagger = await joinCommunity(t, ws, { name: 'Flagger' });
    const start = await thread(author);
    const postId = start.posts[0]!.id;
    const first = await flagger.post(`/posts/${postId}/flags`, { reason: 'spam' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ postId, reason: 'spam', message: null, status: 'pending' });
    const again = await flagger.post(`/posts/${postId}/flags`, { reason: 'inappropriate', message: 'Really' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('You already flagged this post; the moderators have your report.');
    const rows = await t.database.db.select().from(communityFlags).where(eq(communityFlags.postId, postId));
    expect(rows.map((r) => r.reason)).toEqual(['spam']);
  });

  it('keeps one flag when a member sends two at once', async () => {
    const start = await thread(await joinCommunity(t, ws));
    const flagger = await joinCommunity(t, ws);
    const postId = start.posts[0]!.id;
    const both = await Promise.all([flagger.post(`/posts/${postId}/flags`, { reason: 'spam' }), flagger.post(`/posts/${postId}/flags`, { reason: 'illegal', message: 'Counterfeit' })]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await t.database.db.select().from(communityFlags).where(eq(communityFlags.postId, postId))).toHaveLength(1);
  });

  it('refuses bad flags with a clear message and saves nothing', async () => {
    const author = await joinCommunity(t, ws);
    const other = await joinCommunity(t, ws);
    const start = await thread(author);
    const postId = start.posts[0]!.id;
    const own = await author.post(`/posts/${postId}/flags`, { reason: 'spam' });
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/cannot flag your own post/);
    const noMessage = await other.post(`/posts/${postId}/flags`, { reason: 'something_else' });
    expect(noMessage.status).toBe(400);
    expect(noMessage.body.error.details.fields.message).toBe('Tell the moderators what is wrong with this post.');
    const blankMessage = await other.post(`/posts/${postId}/flags`, { reason: 'something_else', message: '   ' });
    expect(blankMessage.status).toBe(400);
    const badReason = await other.post(`/posts/${postId}/flags`, { reason: 'ugly' });
    expect(badReason.status).toBe(400);
    expect(badReason.body.error.message).toMatch(/spam, inappropriate, off_topic, illegal, something_else/);
    expect((await other.post(`/posts/${postId}/flags`, { reason: 'spam', message: 'x'.repeat(1001) })).status).toBe(400);
    expect((await other.post(`/posts/${crypto.randomUUID()}/flags`, { reason: 'spam' })).status).toBe(404);
    expect((await new MemberClient(t.baseUrl, ws).post(`/posts/${postId}/flags`, { reason: 'spam' })).status).toBe(401);
    expect(await t.database.db.select().from(communityFlags).where(eq(communityFlags.postId, postId))).toEqual([]);
    // Staff posts can be flagged too; a message makes something_else acceptable.
    const staffThread = (await owner.post(team(`/spaces/${openId}/threads`), { title: 'Staff', body: 'Hi' })).body;
    expect((await other.post(`/posts/${staffThread.posts[0].id}/flags`, { reason: 'something_else', message: 'Wrong price' })).status).toBe(201);
  });
});

describe('resolving flags', () => {
  it('lists open flags grouped by post, most flagged first, and agreeing hides the post', async () => {
    const author = await joinCommunity(t, ws, { name: 'Spammy' });
    const [f1, f2, f3] = [await joinCommunity(t, ws, { name: 'F1' }), await joinCommunity(t, ws, { name: 'F2' }), await joinCommunity(t, ws, { name: 'F3' })];
    const start = await thread(author, 'Cheap beans', 'Visit my shop');
    const once = await reply(author, start.id, 'Also this');
    const twice = await reply(author, start.id, 'And this');
    await f1.post(`/posts/${once.id}/flags`, { reason: 'off_topic' });
    await f1.post(`/posts/${twice.id}/flags`, { reason: 'spam' });
    await f2.post(`/posts/${twice.id}/flags`, { reason: 'something_else', message: 'Advertising' });
    await f3.post(`/posts/${twice.id}/flags`, { reason: 'spam' });

    const list = await owner.get(team('/flags'));
    expect(list.status).toBe(200);
    const mine = list.body.posts.filter((p: { threadId: string }) => p.threadId === start.id);
    expect(mine.map((p: { postId: string }) => p.postId)).toEqual([twice.id, once.id]);
    expect(mine[0]).toMatchObject({ flagCount: 3, reasons: { spam: 2, something_else: 1 }, threadTitle: 'Cheap beans', bodySource: 'And this', hidden: false, author: { kind: 'member', displayName: 'Spammy' } });
    expect(mine[0].flags.map((f: { flagger: { displayName: string }; message: string | null }) => [f.flagger.displayName, f.message])).toEqual([
      ['F1', null],
      ['F2', 'Advertising'],
      ['F3', null],
    ]);

    const agree = await owner.post(team(`/posts/${twice.id}/flags/resolve`), { decision: 'agree' });
    expect(agree.body).toEqual({ postId: twice.id, decision: 'agree', resolvedFlags: 3, hidden: true });
    const seenByMember = await f1.get(`/threads/${start.id}`);
    expect(postIn(seenByMember.body, twice.id)).toMatchObject({ hidden: true, placeholder: 'hidden', bodySource: null, bodyHtml: null, deleted: false });
    expect(postIn((await author.get(`/threads/${start.id}`)).body, twice.id)).toMatchObject({ hidden: true, placeholder: null, bodySource: 'And this' });
    expect(postIn((await owner.get(team(`/threads/${start.id}`))).body, twice.id)).toMatchObject({ hidden: true, placeholder: null, bodySource: 'And this' });
    const after = (await owner.get(team('/flags'))).body.posts.map((p: { postId: string }) => p.postId);
    expect(after).not.toContain(twice.id);
    expect(after).toContain(once.id);
    const statuses = await t.database.db.select({ s: communityFlags.status }).from(communityFlags).where(eq(communityFlags.postId, twice.id));
    expect(statuses.map((r) => r.s)).toEqual(['agreed', 'agreed', 'agreed']);

    const twiceMore = await owner.post(team(`/posts/${twice.id}/flags/resolve`), { decision: 'agree' });
    expect(twiceMore.status).toBe(409);
    expect(twiceMore.body.error.message).toMatch(/no open flags/);
    // Nobody flags a post already hidden.
    const lateFlag = await (await joinCommunity(t, ws)).post(`/posts/${twice.id}/flags`, { reason: 'spam' });
    expect(lateFlag.status).toBe(409);
    expect(lateFlag.body.error.message).toBe('A moderator already hid this post.');
    expect(await auditActions()).toEqual(expect.arrayContaining(['community.flagsResolved', 'community.postHidden']));
  });

  it('disagreeing dismisses the flags and keeps the post; a new flag from someone else reopens it', async () => {
    const author = await joinCommunity(t, ws);
    const f1 = await joinCommunity(t, ws);
    const start = await thread(author, 'Fine post', 'Nothing wrong here');
    const postId = start.posts[0]!.id;
    await f1.post(`/posts/${postId}/flags`, { reason: 'inappropriate' });
    const bad = await owner.post(team(`/posts/${postId}/flags/resolve`), { decision: 'maybe' });
    expect(bad.status).toBe(400);
    const no = await owner.post(team(`/posts/${postId}/flags/resolve`), { decision: 'disagree' });
    expect(no.body).toEqual({ postId, decision: 'disagree', resolvedFlags: 1, hidden: false });
    expect(postIn((await f1.get(`/threads/${start.id}`)).body, postId)).toMatchObject({ hidden: false, placeholder: null, bodySource: 'Nothing wrong here' });
    expect((await owner.get(team('/flags'))).body.posts.map((p: { postId: string }) => p.postId)).not.toContain(postId);
    // The same member cannot flag again; another member can, and the post is back in the list.
    expect((await f1.post(`/posts/${postId}/flags`, { reason: 'spam' })).status).toBe(409);
    await (await joinCommunity(t, ws)).post(`/posts/${postId}/flags`, { reason: 'spam' });
    const back = (await owner.get(team('/flags'))).body.posts.find((p: { postId: string }) => p.postId === postId);
    expect(back).toMatchObject({ flagCount: 1, reasons: { spam: 1 } });
    expect((await owner.post(team(`/posts/${crypto.randomUUID()}/flags/resolve`), { decision: 'agree' })).status).toBe(404);
  });

  it('is for moderators only, and only in their workspace', async () => {
    const poster = await addMember(t, ws, ['social_media_manager']);
    expect((await poster.get(team('/flags'))).status).toBe(403);
    const author = await joinCommunity(t, ws);
    const start = await thread(author);
    await (await joinCommunity(t, ws)).post(`/posts/${start.posts[0]!.id}/flags`, { reason: 'spam' });
    const other = await communityOwner(t, 'Caffè Altrove');
    const cross = await other.owner.post(`/api/workspaces/${other.workspaceId}/community/posts/${start.posts[0]!.id}/flags/resolve`, { decision: 'agree' });
    expect(cross.status).toBe(404);
    expect((await other.owner.get(`/api/workspaces/${other.workspaceId}/community/flags`)).body.posts).toEqual([]);
  });
});

describe('hiding by staff', () => {
  it('shows members and visitors a placeholder, staff and the author the words; unhiding restores it', async () => {
    const author = await joinCommunity(t, ws);
    const reader = await joinCommunity(t, ws);
    const start = await thread(author, 'Visible thread');
    const r = await reply(author, start.id, 'Rude words');
    await reader.request('PUT', `/posts/${r.id}/reactions/like`);
    const hide = await owner.post(team(`/posts/${r.id}/hide`), { reason: 'Rude' });
    expect(hide.status, JSON.stringify(hide.body)).toBe(200);
    expect(hide.body).toMatchObject({ postId: r.id, threadId: start.id, hidden: true, threadHidden: false });
    for (const viewer of [reader, new MemberClient(t.baseUrl, ws)]) {
      const seen = postIn((await viewer.get(`/threads/${start.id}`)).body, r.id);
      expect(seen).toMatchObject({ placeholder: 'hidden', bodySource: null, bodyHtml: null, reactions: {}, myReactions: [] });
    }
    expect((await reader.get(`/threads/${start.id}`)).body.replyCount).toBe(0);
    // Others cannot react to it nor quote it; nothing is saved.
    const react = await reader.request('PUT', `/posts/${r.id}/reactions/love`);
    expect(react.status).toBe(409);
    expect(react.body.error.message).toBe('A moderator hid this post: it takes no reactions.');
    const quote = await reader.post(`/threads/${start.id}/replies`, { body: 'Quoting', replyToId: r.id });
    expect(quote.status).toBe(400);
    expect(quote.body.error.message).toMatch(/hidden by a moderator/);
    expect((await owner.get(team(`/threads/${start.id}`))).body.posts).toHaveLength(2);
    // Nor read its words through its versions.
    expect((await reader.get(`/posts/${r.id}/revisions`)).status).toBe(404);
    expect((await author.get(`/posts/${r.id}/revisions`)).body.revisions[0].bodySource).toBe('Rude words');
    // The author still sees (and may quote) their own words.
    expect(postIn((await author.get(`/threads/${start.id}`)).body, r.id)).toMatchObject({ hidden: true, placeholder: null, bodySource: 'Rude words' });

    expect((await owner.request('POST', team(`/posts/${r.id}/hide`))).status).toBe(409);
    const unhide = await owner.post(team(`/posts/${r.id}/unhide`));
    expect(unhide.body).toMatchObject({ hidden: false, hiddenAt: null });
    expect(postIn((await reader.get(`/threads/${start.id}`)).body, r.id)).toMatchObject({ hidden: false, placeholder: null, bodySource: 'Rude words', reactions: { like: 1 } });
    const again = await owner.post(team(`/posts/${r.id}/unhide`));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('This post is not hidden.');
    expect(await auditActions()).toEqual(expect.arrayContaining(['community.postHidden', 'community.postUnhidden']));
  });

  it('hiding an opening post takes the thread out of lists and out of reach but for its author and staff', async () => {
    const author = await joinCommunity(t, ws);
    const reader = await joinCommunity(t, ws);
    const start = await thread(author, 'Thread to hide');
    await reply(reader, start.id, 'A reply before');
    await reader.request('PUT', `/threads/${start.id}/bookmark`);
    const hide = await owner.request('POST', team(`/posts/${start.posts[0]!.id}/hide`));
    expect(hide.body.threadHidden).toBe(true);
    const titles = async (c: MemberClient) => (await c.get('/spaces/open')).body.threads.map((x: { title: string }) => x.title);
    expect(await titles(reader)).not.toContain('Thread to hide');
    expect(await titles(new MemberClient(t.baseUrl, ws))).not.toContain('Thread to hide');
    expect((await reader.get(`/threads/${start.id}`)).status).toBe(404);
    expect((await reader.get('/me/bookmarks')).body.threads).toEqual([]);
    expect((await reader.post(`/threads/${start.id}/replies`, { body: 'Too late' })).status).toBe(404);
    const sitemap = await fetch(`${t.baseUrl}/c/${ws}/sitemap.xml`);
    expect(await sitemap.text()).not.toContain(start.id);
    const own = (await author.get('/spaces/open')).body.threads.find((x: { id: string }) => x.id === start.id);
    expect(own).toMatchObject({ hidden: true });
    expect((await author.get(`/threads/${start.id}`)).status).toBe(200);
    const staffList = (await owner.get(team(`/spaces/${openId}`))).body.threads;
    expect(staffList.find((x: { id: string }) => x.id === start.id)).toMatchObject({ hidden: true });

    await owner.post(team(`/posts/${start.posts[0]!.id}/unhide`));
    expect(await titles(reader)).toContain('Thread to hide');
    expect((await reader.get(`/threads/${start.id}`)).body.hidden).toBe(false);
  });

  it('refuses unknown posts and members of other roles', async () => {
    expect((await owner.post(team(`/posts/${crypto.randomUUID()}/hide`))).status).toBe(404);
    expect((await owner.post(team('/posts/not-an-id/hide'))).status).toBe(400);
    const analyst = await addMember(t, ws, ['analyst']);
    const start = await thread(await joinCommunity(t, ws));
    expect((await analyst.post(team(`/posts/${start.posts[0]!.id}/hide`))).status).toBe(403);
  });
});

describe('the API description', () => {
  it('documents the guardrail routes with their bodies', async () => {
    const spec = (await owner.get('/api/openapi.json')).body;
    expect(spec.paths['/api/communities/{communityId}/posts/{postId}/flags'].post.requestBody.content['application/json'].schema.properties.reason.enum).toEqual(['spam', 'inappropriate', 'off_topic', 'illegal', 'something_else']);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/workspaces/{workspaceId}/community/flags', '/api/workspaces/{workspaceId}/community/members/{memberId}/silence', '/api/communities/{communityId}/me/blocks/{memberId}']));
  });
});
