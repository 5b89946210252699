import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles';
import { workspaceMembers } from '../../db/schema';
import { ApiClient, signUpUser } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { until } from '../../test/until';
import { notify, notifyApprovers, notifyPostAuthor } from './index';

/** Comments and notifications through HTTP (and the exported notify commands), on both engines. */
let t: TestTandem;
let ws: string;
let owner: Person;
let smm: Person;
let client: Person;
let analyst: Person;
let channelId: string;

interface Person {
  client: ApiClient;
  userId: string;
  email: string;
  handle: string;
}

async function person(name: string): Promise<Person> {
  const u = await signUpUser(t.baseUrl, name);
  return { ...u, handle: u.email.split('@')[0]! };
}
async function member(name: string, roles: Role[]): Promise<Person> {
  const p = await person(name);
  await t.database.db.insert(workspaceMembers).values({ workspaceId: ws, userId: p.userId, roles, hat: roles[0]! });
  return p;
}
async function draft(by: Person, text: string, workspaceId = ws, channel = channelId): Promise<string> {
  const res = await by.client.post(`/api/workspaces/${workspaceId}/posts`, { text, channelIds: [channel] });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}
const comments = (p: Person, postId: string) => p.client.get(`/api/workspaces/${ws}/posts/${postId}/comments`);
const comment = (p: Person, postId: string, body: string) => p.client.post(`/api/workspaces/${ws}/posts/${postId}/comments`, { body });
const inbox = async (p: Person, query = '') => (await p.client.get(`/api/workspaces/${ws}/notifications${query}`)).body as { notifications: { id: string; kind: string; payload: Record<string, string>; readAt: string | null }[]; unreadCount: number; nextCursor: string | null };
const about = async (p: Person, postId: string) => (await inbox(p, '?limit=100')).notifications.filter((n) => n.payload.postId === postId).map((n) => n.kind).sort();
const email = (to: string, subject: RegExp) => until(`an email to ${to} matching ${subject}`, async () => (await t.ctx.mailer.outbox())?.find((e) => e.to === to && subject.test(e.subject)));

beforeAll(async () => {
  t = await startTestTandem({ ENABLE_SINK_CONNECTOR: 'true' });
  owner = await person('Olivia Owner');
  ws = (await owner.client.post('/api/workspaces', { name: 'Comments Co' })).body.id;
  smm = await member('Sam Social', ['social_media_manager']);
  client = await member('Chiara Client', ['client']);
  analyst = await member('Ada Analyst', ['analyst']);
  expect((await client.client.patch('/api/me', { locale: 'it' })).status).toBe(200);
  channelId = (await owner.client.post(`/api/workspaces/${ws}/channels`, { network: 'sink', credentials: { account: `c${Date.now()}` } })).body.id;
});
afterAll(async () => t?.stop());

describe('comments', () => {
  it('stores the text exactly as typed, lists it oldest first, and tells the post author', async () => {
    const postId = await draft(smm, 'Autumn menu launch');
    const typed = '  <b>Not bold</b> & "quoted"\nsecond line  ';
    const res = await comment(analyst, postId, typed);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ postId, body: typed, author: { userId: analyst.userId, name: 'Ada Analyst' }, mentions: [], canDelete: true });
    await comment(smm, postId, 'Thanks, fixing it');
    const list = await comments(client, postId);
    expect(list.status).toBe(200);
    expect(list.body.comments.map((c: { body: string }) => c.body)).toEqual([typed, 'Thanks, fixing it']);
    // the client may not delete others' comments; the list says so
    expect(list.body.comments.map((c: { canDelete: boolean }) => c.canDelete)).toEqual([false, false]);
    expect(await about(smm, postId)).toEqual(['post.comment']);
    // the author's reply reaches the earlier commenter, never the commenter
    expect(await about(analyst, postId)).toEqual(['post.comment']);
    expect(await about(owner, postId)).toEqual([]);
    const n = (await inbox(smm)).notifications.find((x) => x.payload.postId === postId)!;
    expect(n.payload).toMatchObject({ postExcerpt: 'Autumn menu launch', actorName: 'Ada Analyst', commentExcerpt: '<b>Not bold</b> & "quoted" second line' });
  });

  it('notifies a member @mentioned by handle with a mention (once), and the others with a comment', async () => {
    const postId = await draft(smm, 'Mentions');
    await comment(analyst, postId, 'First look');
    const res = await comment(owner, postId, `@${client.handle} can you check this? cc @${client.handle.toUpperCase()}, @nobody-here`);
    expect(res.status).toBe(201);
    expect(res.body.mentions).toEqual([{ userId: client.userId, name: 'Chiara Client', handle: client.handle }]);
    expect(await about(client, postId)).toEqual(['post.mention']);
    expect(await about(smm, postId)).toEqual(['post.comment', 'post.comment']);
    expect(await about(analyst, postId)).toEqual(['post.comment']);
    expect(await about(owner, postId)).toEqual([]);
    // the mention email is in the client's language (Italian), with a link to the post
    const mail = await email(client.email, /ti ha menzionato/);
    expect(mail.subject).toBe('Olivia Owner ti ha menzionato in Comments Co');
    expect(mail.text).toContain(`/w/${ws}/posts/${postId}`);
    expect(mail.text).toContain('can you check this?');
  });

  it('refuses a blank or too long comment with a clear message', async () => {
    const postId = await draft(smm, 'Limits');
    const blank = await comment(smm, postId, '  \n ');
    expect(blank.status).toBe(400);
    expect(JSON.stringify(blank.body)).toMatch(/Write something before sending the comment/);
    const long = await comment(smm, postId, 'x'.repeat(5001));
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body)).toMatch(/at most 5000 characters/);
    expect((await comment(smm, postId, 'x'.repeat(5000))).status).toBe(201);
    expect((await smm.client.post(`/api/workspaces/${ws}/posts/${postId}/comments`, { body: 'x', html: true })).status).toBe(400);
  });

  it('lets people delete their own comments, owners and marketing managers anyone’s', async () => {
    const postId = await draft(smm, 'Deleting');
    const mine = (await comment(analyst, postId, 'mine')).body.id;
    const other = (await comment(analyst, postId, 'moderated')).body.id;
    const del = (p: Person, id: string, post = postId) => p.client.delete(`/api/workspaces/${ws}/posts/${post}/comments/${id}`);
    const refused = await del(smm, mine);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/only your own comments/);
    expect((await del(analyst, mine)).status).toBe(200);
    expect((await del(analyst, mine)).status).toBe(404);
    // the comment must be addressed under its own post
    expect((await del(owner, other, await draft(smm, 'Another'))).status).toBe(404);
    expect((await del(owner, other)).status).toBe(200);
    expect((await comments(smm, postId)).body.comments).toEqual([]);
    const audit = (await owner.client.get(`/api/workspaces/${ws}/audit`)).body;
    expect(JSON.stringify(audit)).toMatch(/comment\.deleted/);
  });

  it('answers 404 for a post of another workspace, even to its own members', async () => {
    const stranger = await person('Stranger');
    const otherWs = (await stranger.client.post('/api/workspaces', { name: 'Elsewhere' })).body.id;
    const otherChannel = (await stranger.client.post(`/api/workspaces/${otherWs}/channels`, { network: 'sink', credentials: { account: `o${Date.now()}` } })).body.id;
    const foreignPost = await draft(stranger, 'Secret', otherWs, otherChannel);
    const foreignComment = (await stranger.client.post(`/api/workspaces/${otherWs}/posts/${foreignPost}/comments`, { body: 'private' })).body.id;
    // a member of this workspace naming the other workspace's post through this workspace
    expect((await comments(owner, foreignPost)).status).toBe(404);
    expect((await comment(owner, foreignPost, 'hi')).status).toBe(404);
    expect((await owner.client.delete(`/api/workspaces/${ws}/posts/${foreignPost}/comments/${foreignComment}`)).status).toBe(404);
    // and an outsider naming this workspace
    const ours = await draft(smm, 'Ours');
    expect((await stranger.client.get(`/api/workspaces/${ws}/posts/${ours}/comments`)).status).toBe(404);
    expect((await stranger.client.get(`/api/workspaces/${otherWs}/posts/${foreignPost}/comments`)).body.comments).toHaveLength(1);
    expect((await comments(smm, 'not-a-uuid')).status).toBe(400);
  });
});

describe('notifications', () => {
  it('notifyApprovers tells the approver roles but not the submitter, in their language, by email too', async () => {
    const postId = await draft(owner, 'Please approve the spring campaign');
    const notified = await t.ctx.db.transaction((tx) => notifyApprovers({ tx, ctx: t.ctx, workspaceId: ws, postId, submittedBy: owner.userId }));
    expect(notified).toEqual([client.userId]);
    expect(await about(client, postId)).toEqual(['post.review_requested']);
    expect(await about(owner, postId)).toEqual([]);
    expect(await about(smm, postId)).toEqual([]);
    const mail = await email(client.email, /revisionare/);
    expect(mail.subject).toBe('Olivia Owner ti chiede di revisionare un post in Comments Co');
    expect(mail.text).toContain('Please approve the spring campaign');

    // submitted by someone else, the owner (an approver role) hears of it too; the settings decide who approves
    const bySmm = await draft(smm, 'From the social media manager');
    const both = await t.ctx.db.transaction((tx) => notifyApprovers({ tx, ctx: t.ctx, workspaceId: ws, postId: bySmm, submittedBy: smm.userId }));
    expect(both.sort()).toEqual([owner.userId, client.userId].sort());
    expect((await owner.client.patch(`/api/workspaces/${ws}/publishing/settings`, { approverRoles: ['analyst'] })).status).toBe(200);
    try {
      const onlyAnalyst = await t.ctx.db.transaction((tx) => notifyApprovers({ tx, ctx: t.ctx, workspaceId: ws, postId: bySmm, submittedBy: smm.userId }));
      expect(onlyAnalyst).toEqual([analyst.userId]);
      await email(analyst.email, /asks you to review a post/);
    } finally {
      await owner.client.patch(`/api/workspaces/${ws}/publishing/settings`, { approverRoles: ['owner', 'marketing_manager', 'client'] });
    }
  });

  it('notify writes nothing when the transaction rolls back, and skips people outside the workspace', async () => {
    const postId = await draft(smm, 'Rolled back');
    const stranger = await person('Not a member');
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await notify({ db: tx, jobs: t.ctx.jobs, publicUrl: t.ctx.publicUrl, workspaceId: ws, userIds: [smm.userId], kind: 'post.approved', payload: { postId, actorName: 'X' } });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await about(smm, postId)).toEqual([]);
    const sent = await t.ctx.db.transaction((tx) => notify({ db: tx, jobs: t.ctx.jobs, workspaceId: ws, userIds: [smm.userId, smm.userId, stranger.userId], kind: 'post.approved', payload: { postId, postExcerpt: 'Rolled back', actorName: 'Olivia Owner' } }));
    expect(sent).toEqual([smm.userId]);
    expect(await about(smm, postId)).toEqual(['post.approved']);
    expect((await stranger.client.get(`/api/workspaces/${ws}/notifications`)).status).toBe(404);
  });

  it('notifyPostAuthor reaches the author unless they did it themselves (publisher failures too, without a link)', async () => {
    const postId = await draft(smm, 'Going out');
    expect(await t.ctx.db.transaction((tx) => notifyPostAuthor({ tx, ctx: t.ctx, workspaceId: ws, postId, kind: 'post.approved', actorUserId: smm.userId }))).toEqual([]);
    const failed = await t.ctx.db.transaction((tx) => notifyPostAuthor({ tx, ctx: { jobs: t.ctx.jobs }, workspaceId: ws, postId, kind: 'post.publish_failed', payload: { channelName: 'sink', message: 'Text too long' } }));
    expect(failed).toEqual([smm.userId]);
    const n = (await inbox(smm)).notifications.find((x) => x.payload.postId === postId)!;
    expect(n).toMatchObject({ kind: 'post.publish_failed', payload: { postExcerpt: 'Going out', channelName: 'sink', message: 'Text too long' }, readAt: null });
    const mail = await email(smm.email, /could not be published/);
    expect(mail.text).toContain('What the network said: Text too long');
    await expect(t.ctx.db.transaction((tx) => notifyPostAuthor({ tx, ctx: t.ctx, workspaceId: ws, postId: '00000000-0000-4000-8000-000000000000', kind: 'post.approved' }))).rejects.toThrow(/not found/);
  });

  it('lists my own notifications newest first in pages, counts unread, and marks some or all read', async () => {
    const reader = await member('Rita Reader', ['contributor']);
    const postId = await draft(reader, 'Paging');
    for (const body of ['one', 'two', 'three']) await comment(smm, postId, body);
    const all = await inbox(reader);
    expect(all.unreadCount).toBe(3);
    expect(all.notifications.map((n) => n.payload.commentExcerpt)).toEqual(['three', 'two', 'one']);
    const page1 = await inbox(reader, '?limit=2');
    expect(page1.notifications.map((n) => n.payload.commentExcerpt)).toEqual(['three', 'two']);
    const page2 = await inbox(reader, `?limit=2&cursor=${page1.nextCursor}`);
    expect(page2.notifications.map((n) => n.payload.commentExcerpt)).toEqual(['one']);
    expect(page2.nextCursor).toBeNull();
    expect((await reader.client.get(`/api/workspaces/${ws}/notifications?cursor=nope`)).status).toBe(400);

    // someone else's ids change nothing of theirs
    const smmBefore = (await inbox(smm)).unreadCount;
    const theirs = (await inbox(smm)).notifications.filter((n) => !n.readAt).map((n) => n.id);
    expect((await reader.client.post(`/api/workspaces/${ws}/notifications/read`, { ids: theirs.slice(0, 5) })).body.unreadCount).toBe(3);
    expect((await inbox(smm)).unreadCount).toBe(smmBefore);

    const marked = await reader.client.post(`/api/workspaces/${ws}/notifications/read`, { ids: [all.notifications[0]!.id] });
    expect(marked.body).toEqual({ unreadCount: 2 });
    expect((await inbox(reader, '?unread=true')).notifications.map((n) => n.payload.commentExcerpt)).toEqual(['two', 'one']);
    expect((await inbox(reader, '?unread=false')).notifications.map((n) => n.payload.commentExcerpt)).toEqual(['three']);
    const bad = await reader.client.post(`/api/workspaces/${ws}/notifications/read`, {});
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/Send either "ids"/);
    expect((await reader.client.post(`/api/workspaces/${ws}/notifications/read`, { all: true })).body).toEqual({ unreadCount: 0 });
  });
});
