import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelSync, communityPosts, communityThreads, inboundItems } from '../../db/schema';
import type { ApiClient } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { until } from '../../test/until';
import { addMember } from '../../test/workspaceMember';
import { communityHost } from '../community';
import { communityOwner, createSpace, joinCommunity, type MemberClient } from '../community/testMembers';
import { pullInbound } from './jobs/pullInbound';

/**
 * The brand's community space as a channel (C5) over HTTP and the job queue, on both engines:
 * connecting a space, publishing a post from the composer as a staff thread (exactly once), members'
 * threads and replies flowing into the inbound store with their analysis, answering and deleting
 * from the inbox.
 */
let t: TestTandem;
let ws: string;
let owner: ApiClient;
let ownerId: string;
let cm: ApiClient;
let news: { id: string; slug: string };
let held: { id: string; slug: string };
let member: MemberClient;
const base = () => `/api/workspaces/${ws}`;

beforeAll(async () => {
  t = await startTestTandem();
  ({ owner, ownerId, workspaceId: ws } = await communityOwner(t, 'Caffè Canale'));
  news = await createSpace(owner, ws, { name: 'News', slug: 'news' });
  held = await createSpace(owner, ws, { name: 'Held', slug: 'held', requireReplyApproval: true });
  cm = await addMember(t, ws, ['community_manager']);
  member = await joinCommunity(t, ws, { name: 'Lucia' });
});
afterAll(async () => t?.stop());

async function connect(space: string) {
  const res = await owner.post(`${base()}/channels`, { network: 'community', credentials: { space } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; accountHandle: string; name: string };
}

async function publish(channelId: string, text: string) {
  const post = (await owner.post(`${base()}/posts`, { text, channelIds: [channelId] })).body;
  const res = await owner.post(`${base()}/posts/${post.id}/publish`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return until('the post to settle', async () => {
    const p = (await owner.get(`${base()}/posts/${post.id}`)).body;
    return (p.status === 'published' || p.status === 'failed') && p;
  });
}

const pull = async (channelId: string) => {
  const before = (await t.database.db.select().from(channelSync).where(eq(channelSync.channelId, channelId)))[0]?.inboundPulledAt?.getTime() ?? 0;
  await t.jobs.enqueue(t.database.db, pullInbound, { channelId });
  await until('the pull to run', async () => ((await t.database.db.select().from(channelSync).where(eq(channelSync.channelId, channelId)))[0]?.inboundPulledAt?.getTime() ?? 0) > before);
};
const items = (channelId: string) => t.database.db.select().from(inboundItems).where(eq(inboundItems.channelId, channelId));

describe('connecting a space', () => {
  it('connects a space by its slug, offers the network without credentials, refuses unknown and repeated spaces', async () => {
    const networks = (await owner.get('/api/networks')).body;
    const list = (networks.networks ?? networks) as { network: string; auth?: string; connectFields: { key: string }[] }[];
    expect(list.find((n) => n.network === 'community')).toMatchObject({ auth: 'hosted', connectFields: [{ key: 'space' }] });

    const unknown = await owner.post(`${base()}/channels`, { network: 'community', credentials: { space: 'nowhere' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('The community has no space "nowhere"');

    const c = await connect('news');
    expect(c).toMatchObject({ accountHandle: 'news', name: 'News' });
    expect((await owner.post(`${base()}/channels`, { network: 'community', credentials: { space: 'news' } })).status).toBe(409);

    // Another workspace cannot reach this one's space by its id.
    const other = await communityOwner(t, 'Altro');
    const foreign = await other.owner.post(`/api/workspaces/${other.workspaceId}/channels`, { network: 'community', credentials: { space: news.id } });
    expect(foreign.status).toBe(400);
  });
});

describe('publishing into the space', () => {
  let channelId: string;
  beforeAll(async () => {
    channelId = (await owner.get(`${base()}/channels`)).body.channels.find((c: { network: string }) => c.network === 'community').id;
  });

  it('creates a staff thread authored by the post’s author: first line the title, the rest the body', async () => {
    const p = await publish(channelId, 'Autumn roastery tour\n\nJoin us on **Saturday** at 10.');
    expect(p.status).toBe('published');
    const ref = p.targets[0].remoteRefs[0];
    const [post] = await t.database.db.select().from(communityPosts).where(eq(communityPosts.id, ref.id));
    expect(post).toMatchObject({ isOpening: true, authorUserId: ownerId, authorMemberId: null, spaceId: news.id, bodySource: 'Join us on **Saturday** at 10.' });
    expect(post!.idempotencyKey).toBe(`${p.targets[0].id}:0`);
    const thread = (await member.get(`/threads/${post!.threadId}`)).body;
    expect(thread.title).toBe('Autumn roastery tour');
    expect(thread.posts[0].author).toMatchObject({ kind: 'staff', displayName: 'Caffè Canale Owner' });
    expect(thread.posts[0].bodyHtml).toContain('<strong>Saturday</strong>');
  });

  it('writes once per key: a retry after an unknown outcome finds the thread instead of doubling it', async () => {
    const host = communityHost(t.database.db, ws);
    const first = await host.startStaffThread({ spaceId: news.id, authorUserId: ownerId, title: 'Once only', body: 'x', idempotencyKey: 'retry-key' });
    const again = await host.startStaffThread({ spaceId: news.id, authorUserId: ownerId, title: 'Once only', body: 'x', idempotencyKey: 'retry-key' });
    expect(again).toEqual(first);
    expect(await host.findByKey(news.id, 'retry-key')).toEqual(first);
    expect(await host.findByKey(news.id, 'never-used')).toBeNull();
    const threads = await t.database.db.select().from(communityThreads).where(and(eq(communityThreads.workspaceId, ws), eq(communityThreads.title, 'Once only')));
    expect(threads).toHaveLength(1);
  });

  it('fails a post whose first line is too short for a title, with the reason on the post', async () => {
    const p = await publish(channelId, 'Hi');
    expect(p.status).toBe('failed');
    expect(p.targets[0].lastError).toContain('title of at least 3 characters');
  });
});

describe('the space in the inbox', () => {
  let channelId: string;
  let brandThread: { threadId: string; postId: string; targetId: string };
  let ids: Record<string, string>;

  beforeAll(async () => {
    channelId = (await owner.get(`${base()}/channels`)).body.channels.find((c: { network: string }) => c.network === 'community').id;
    const p = await publish(channelId, 'Tasting night\nBring a friend.');
    const ref = p.targets[0].remoteRefs[0];
    const [post] = await t.database.db.select().from(communityPosts).where(eq(communityPosts.id, ref.id));
    brandThread = { threadId: post!.threadId, postId: ref.id, targetId: p.targets[0].id };
  });

  it('stores members’ new threads and replies once each (staff posts are not inbound), analysed, comments linked to our post', async () => {
    await pull(channelId); // everything so far: the brand's own threads only
    expect(await items(channelId)).toHaveLength(0);
    const own = (await member.post(`/spaces/news/threads`, { title: 'Are you open on Sunday?', body: 'I would love to come by, this place is wonderful.' })).body;
    const reply = (await member.post(`/threads/${brandThread.threadId}/replies`, { body: 'Great idea, count me in!' })).body;
    await owner.post(`${base()}/community/threads/${own.id}/replies`, { body: 'Yes, from 9.' });
    await pull(channelId);
    const got = await items(channelId);
    expect(got.map((i) => i.kind).sort()).toEqual(['comment', 'mention']);
    const comment = got.find((i) => i.kind === 'comment')!;
    expect(comment).toMatchObject({ networkId: reply.id, targetId: brandThread.targetId, rootId: brandThread.postId, authorName: 'Lucia', text: 'Great idea, count me in!', conversationId: brandThread.threadId });
    expect(comment.sentiment).toBe('positive');
    const mention = got.find((i) => i.kind === 'mention')!;
    expect(mention).toMatchObject({ networkId: own.posts[0].id, targetId: null, text: 'Are you open on Sunday?\n\nI would love to come by, this place is wonderful.' });
    await pull(channelId);
    expect(await items(channelId)).toHaveLength(2);
    ids = { comment: comment.id, mention: mention.id };
    const listed = (await cm.get(`${base()}/inbound?channelId=${channelId}`)).body.items;
    expect(listed).toHaveLength(2);
  });

  it('answers from the inbox as a staff reply in the thread, once for a repeated request', async () => {
    const res = await cm.post(`${base()}/inbound/${ids.comment}/reply`, { text: 'See you there, Lucia!' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const again = await cm.post(`${base()}/inbound/${ids.comment}/reply`, { text: 'See you there, Lucia!' });
    expect(again.body.remoteId).toBe(res.body.remoteId);
    const thread = (await member.get(`/threads/${brandThread.threadId}`)).body;
    const answers = thread.posts.filter((p: { bodySource: string }) => p.bodySource === 'See you there, Lucia!');
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ id: res.body.remoteId, author: { kind: 'staff' } });
    const [row] = await t.database.db.select().from(communityPosts).where(eq(communityPosts.id, res.body.remoteId));
    const [comment] = await t.database.db.select().from(inboundItems).where(eq(inboundItems.id, ids.comment!));
    expect(row!.replyToId).toBe(comment!.networkId);
    // The brand's own reply does not come back as inbound.
    await pull(channelId);
    expect(await items(channelId)).toHaveLength(2);
  });

  it('hides, then deletes, a member’s thread from the inbox as a moderator', async () => {
    const hide = await cm.post(`${base()}/inbound/${ids.mention}/hide`);
    expect(hide.status, JSON.stringify(hide.body)).toBe(200);
    const [hidden] = await t.database.db.select().from(inboundItems).where(eq(inboundItems.id, ids.mention!));
    const hiddenPost = await t.database.db.select().from(communityPosts).where(and(eq(communityPosts.id, hidden!.networkId), isNotNull(communityPosts.hiddenAt)));
    expect(hiddenPost).toHaveLength(1);
    // Other readers no longer find the thread (its author and the team still do); hiding again is harmless.
    expect((await fetch(`${t.baseUrl}/api/communities/${ws}/threads/${hidden!.conversationId}`)).status).toBe(404);
    expect((await member.get(`/threads/${hidden!.conversationId}`)).status).toBe(200);
    const del = await cm.post(`${base()}/inbound/${ids.mention}/delete`);
    expect(del.status, JSON.stringify(del.body)).toBe(200);
    expect(del.body.moderation).toBe('deleted');
    const [mention] = await t.database.db.select().from(inboundItems).where(eq(inboundItems.id, ids.mention!));
    const gone = await t.database.db.select().from(communityPosts).where(and(eq(communityPosts.id, mention!.networkId), isNotNull(communityPosts.deletedAt)));
    expect(gone).toHaveLength(1);
    expect((await member.get(`/threads/${mention!.conversationId}`)).status).toBe(404);
  });

  it('waits for a moderator’s approval: a pending reply arrives once approved', async () => {
    const c = await connect('held');
    const staffThread = (await owner.post(`${base()}/community/spaces/${held.id}/threads`, { title: 'Held thread', body: 'Replies wait here' })).body;
    const pending = (await member.post(`/threads/${staffThread.id}/replies`, { body: 'Waiting for approval' })).body;
    expect(pending.state).toBe('pending');
    await pull(c.id);
    expect(await items(c.id)).toHaveLength(0);
    // A later post moves the cursor past the pending one; approval still brings it in.
    await member.post(`/spaces/held/threads`, { title: 'Later thread', body: 'After the pending reply' });
    await pull(c.id);
    expect((await items(c.id)).map((i) => i.kind)).toEqual(['mention']);
    expect((await owner.post(`${base()}/community/posts/${pending.id}/approve`)).status).toBe(200);
    await pull(c.id);
    const got = await items(c.id);
    // A member's reply under a staff thread is a comment (the thread was not published through Tandem: no post linked).
    expect(got.map((i) => i.kind).sort()).toEqual(['comment', 'mention']);
    expect(got.find((i) => i.kind === 'comment')).toMatchObject({ networkId: pending.id, targetId: null });
  });
});
