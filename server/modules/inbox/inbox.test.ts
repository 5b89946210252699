import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSinkWebhook, sinkStore, SINK_SIGNATURE_HEADER } from '../../../connectors/sink';
import { auditLog, channels, channelSync, inboundItems, inboxConversations, inboxPeople, workspaceMembers } from '../../db/schema';
import { ApiClient, signUpUser } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { addMember } from '../../test/workspaceMember';
import { until } from '../../test/until';
import { pullInbound } from '../channels/jobs/pullInbound';
import { groupInbound } from './jobs/groupInbound';

/**
 * The inbox over HTTP and the job queue, against the local sink network: items grouped into
 * conversations on arrival (idempotently), people, "needs a reply", views, assignment with
 * optimistic versions, the role matrix and workspace isolation. Both databases.
 */
let t: TestTandem;
let ws: string;
let owner: ApiClient;
let cm: { client: ApiClient; userId: string };
let analyst: ApiClient;

beforeAll(async () => {
  t = await startTestTandem({ ENABLE_SINK_CONNECTOR: 'true', WEBHOOK_SINK_SECRET: 'inbox-webhook-secret' });
  owner = (await signUpUser(t.baseUrl, 'Owner')).client;
  ws = (await owner.post('/api/workspaces', { name: 'Inbox' })).body.id;
  const u = await signUpUser(t.baseUrl, 'Carla CM');
  await t.database.db.insert(workspaceMembers).values({ workspaceId: ws, userId: u.userId, roles: ['community_manager'], hat: 'community_manager' });
  cm = { client: u.client, userId: u.userId };
  analyst = await addMember(t, ws, ['analyst']);
});
afterAll(async () => t?.stop());

let n = 0;
async function channel(client = owner, workspace = ws) {
  const account = `inboxconv${++n}${Math.random().toString(36).slice(2, 6)}`;
  const res = await client.post(`/api/workspaces/${workspace}/channels`, { network: 'sink', credentials: { account } });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, account };
}

async function published(channelId: string, text: string) {
  const post = (await owner.post(`/api/workspaces/${ws}/posts`, { text, channelIds: [channelId] })).body;
  await owner.post(`/api/workspaces/${ws}/posts/${post.id}/publish`);
  const done = await until('the post to be published', async () => {
    const p = (await owner.get(`/api/workspaces/${ws}/posts/${post.id}`)).body;
    return p.status === 'published' && p;
  });
  return done.targets[0].remoteRefs[0].id as string;
}

const pull = async (channelId: string) => {
  const sync = async () => (await t.database.db.select().from(channelSync).where(eq(channelSync.channelId, channelId)))[0]?.inboundPulledAt?.getTime() ?? 0;
  const before = await sync();
  await t.jobs.enqueue(t.database.db, pullInbound, { channelId });
  await until('the pull to run', async () => (await sync()) > before);
};
const convs = async (channelId: string) => t.database.db.select().from(inboxConversations).where(eq(inboxConversations.channelId, channelId));
const list = async (query: string, client = owner) => {
  const res = await client.get(`/api/workspaces/${ws}/inbox/conversations?${query}`);
  expect(res.status).toBe(200);
  return res.body.conversations as { id: string; channelId: string; [k: string]: unknown }[];
};

describe('grouping items into conversations', () => {
  it('comment threads, mentions and DM threads, once each however often the channel is pulled; people kept current', async () => {
    const c = await channel();
    const root = await published(c.id, 'Saturday roastery tour: book your spot');
    const lucia = { id: 'sink:lucia', handle: 'lucia', displayName: 'Lucía' };
    sinkStore.addInbound(c.account, { text: '¿A qué hora empieza?', kind: 'comment', rootId: root, parentId: root, author: lucia, createdAt: new Date(Date.now() - 50_000) });
    sinkStore.addInbound(c.account, { text: 'Great, see you there!', kind: 'comment', rootId: root, parentId: root, createdAt: new Date(Date.now() - 40_000) });
    sinkStore.addInbound(c.account, { text: '@you see you Saturday', kind: 'mention' });
    sinkStore.addInbound(c.account, { text: 'Ciao, una domanda', kind: 'message', conversationId: 'dm-7', author: lucia, createdAt: new Date(Date.now() - 60_000) });
    sinkStore.addInbound(c.account, { text: 'Avete posto per due?', kind: 'message', conversationId: 'dm-7', author: lucia });
    await pull(c.id);
    const first = await convs(c.id);
    expect(first.map((x) => `${x.kind}:${x.itemCount}`).sort()).toEqual(['comments:2', 'dm:2', 'mention:1']);
    expect(first.find((x) => x.kind === 'comments')!.subject).toBe('Saturday roastery tour: book your spot');
    expect(first.find((x) => x.kind === 'dm')!.subject).toBe('Ciao, una domanda');
    const items = await t.database.db.select().from(inboundItems).where(eq(inboundItems.channelId, c.id));
    expect(items.every((i) => i.inboxConversationId && i.personId)).toBe(true);

    // Pulling again (and a reply to the thread arriving) never makes a second conversation nor moves an item.
    await pull(c.id);
    sinkStore.addInbound(c.account, { text: 'Alle 10?', kind: 'reply', rootId: root, parentId: items[0]!.networkId, author: { ...lucia, displayName: 'Lucía G.' } });
    await pull(c.id);
    const again = await convs(c.id);
    expect(again.map((x) => x.id).sort()).toEqual(first.map((x) => x.id).sort());
    expect(again.find((x) => x.kind === 'comments')!.itemCount).toBe(3);
    const itemsAgain = await t.database.db.select().from(inboundItems).where(eq(inboundItems.channelId, c.id));
    for (const i of items) expect(itemsAgain.find((x) => x.id === i.id)!.inboxConversationId).toBe(i.inboxConversationId);
    const people = await t.database.db.select().from(inboxPeople).where(and(eq(inboxPeople.workspaceId, ws), eq(inboxPeople.networkUserId, 'sink:lucia')));
    expect(people).toHaveLength(1);
    expect(people[0]!.displayName).toBe('Lucía G.');

    // The detail: items oldest first, with their people.
    const comments = again.find((x) => x.kind === 'comments')!;
    const detail = (await owner.get(`/api/workspaces/${ws}/inbox/conversations/${comments.id}`)).body;
    expect(detail.items.map((i: { text: string }) => i.text)).toEqual(['¿A qué hora empieza?', 'Great, see you there!', 'Alle 10?']);
    expect(detail.people.map((p: { handle: string }) => p.handle)).toContain('lucia');
    expect(detail.conversation.needsReply).toBe(true);

    // Answering from Tandem: the conversation no longer waits for us (until someone writes again).
    const answered = await cm.client.post(`/api/workspaces/${ws}/inbound/${detail.items[2].id}/reply`, { text: 'Sì, alle 10!' });
    expect(answered.status).toBe(200);
    const after = (await owner.get(`/api/workspaces/${ws}/inbox/conversations/${comments.id}`)).body.conversation;
    expect(after).toMatchObject({ needsReply: false });
    expect(after.repliedAt).toBeTruthy();
    expect((await list(`channelId=${c.id}&view=needs_reply`)).map((x) => x.id)).not.toContain(comments.id);
  });

  it('groups items a network pushes (webhook) the same way, once', async () => {
    const c = await channel();
    const body = JSON.stringify({ items: [{ networkId: `pushed-${c.account}`, kind: 'message', conversationId: 'dm-push', author: { id: 'sink:giulia', handle: 'giulia' }, text: 'Are you open on Sunday?', createdAt: '2026-11-23T10:00:00.000Z' }] });
    const push = () => fetch(`${t.baseUrl}/api/webhooks/${c.id}`, { method: 'POST', headers: { 'content-type': 'application/json', [SINK_SIGNATURE_HEADER]: signSinkWebhook(body, 'inbox-webhook-secret') }, body });
    expect((await push()).status).toBe(200);
    expect((await push()).status).toBe(200);
    const all = await convs(c.id);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ kind: 'dm', itemCount: 1, needsReply: true, threadKey: 'dm:dm-push' });
  });

  it('groups items stored before the inbox existed (backfill job) and a done conversation opens again when someone writes', async () => {
    const c = await channel();
    const [row] = await t.database.db.select().from(channels).where(eq(channels.id, c.id));
    await t.database.db.insert(inboundItems).values({ workspaceId: ws, channelId: c.id, kind: 'mention', networkId: 'old-1', authorId: 'sink:old', authorHandle: 'old', text: 'Thanks for the coffee', createdAt: new Date('2026-01-01T10:00:00Z') });
    await t.jobs.enqueue(t.database.db, groupInbound, {});
    const conv = await until('the backfill to group the old item', async () => (await convs(c.id))[0]);
    expect(conv).toMatchObject({ kind: 'mention', itemCount: 1, subject: 'Thanks for the coffee' });

    const done = await owner.patch(`/api/workspaces/${ws}/inbox/conversations/${conv.id}`, { version: conv.version, status: 'done' });
    expect(done.status).toBe(200);
    // Our own account answering in the thread does not reopen it; someone else does.
    sinkStore.addInbound(c.account, { text: 'You are welcome', kind: 'reply', rootId: 'old-1', author: { id: row!.accountId, handle: row!.accountHandle } });
    await pull(c.id);
    expect((await convs(c.id))[0]).toMatchObject({ status: 'done', itemCount: 2, needsReply: false });
    sinkStore.addInbound(c.account, { text: 'One more question: do you ship to Spain?', kind: 'reply', rootId: 'old-1' });
    await pull(c.id);
    expect((await convs(c.id))[0]).toMatchObject({ status: 'open', itemCount: 3, needsReply: true });
  });
});

describe('views, assignment and the role matrix', () => {
  it('lists by view and filter with cursor pages; assigns with versions; audits; refuses strangers and stale versions', async () => {
    const c = await channel();
    sinkStore.addInbound(c.account, { text: 'Is the shop open on Sunday?', kind: 'comment', rootId: 'np-1' });
    sinkStore.addInbound(c.account, { text: 'Lovely place, thank you', kind: 'comment', rootId: 'np-2' });
    sinkStore.addInbound(c.account, { text: 'Terrible service, awful and rude', kind: 'comment', rootId: 'np-3' });
    await pull(c.id);
    const all = await list(`channelId=${c.id}`);
    expect(all).toHaveLength(3);
    const q = all.find((x) => x.subject === 'Is the shop open on Sunday?')!;
    const praise = all.find((x) => x.subject === 'Lovely place, thank you')!;
    expect((await list(`channelId=${c.id}&view=needs_reply`)).map((x) => x.id)).toEqual([q.id]);
    expect((await list(`channelId=${c.id}&sentiment=negative`)).map((x) => x.subject)).toEqual(['Terrible service, awful and rude']);

    // Cursor pages cover everything once.
    const p1 = (await owner.get(`/api/workspaces/${ws}/inbox/conversations?channelId=${c.id}&limit=2`)).body;
    const p2 = (await owner.get(`/api/workspaces/${ws}/inbox/conversations?channelId=${c.id}&limit=2&cursor=${p1.nextCursor}`)).body;
    expect([...p1.conversations, ...p2.conversations].map((x: { id: string }) => x.id).sort()).toEqual(all.map((x) => x.id).sort());
    expect(p2.nextCursor).toBeNull();

    // Assign to the community manager: mine / unassigned views, an audit entry.
    const assigned = await owner.patch(`/api/workspaces/${ws}/inbox/conversations/${q.id}`, { version: q.version, assigneeId: cm.userId, priority: 'high', tags: ['Shop', 'hours'] });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ assigneeId: cm.userId, priority: 'high', tags: ['shop', 'hours'], version: (q.version as number) + 1 });
    expect((await list(`channelId=${c.id}&view=mine`, cm.client)).map((x) => x.id)).toEqual([q.id]);
    expect((await list(`channelId=${c.id}&view=unassigned`)).map((x) => x.id)).not.toContain(q.id);
    expect((await list(`channelId=${c.id}&tag=shop`)).map((x) => x.id)).toEqual([q.id]);
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.targetId, q.id), eq(auditLog.action, 'inbox.conversation.assigned')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.data).toMatchObject({ from: null, to: cm.userId });

    // Someone else's change in the meantime: 409, nothing changed.
    const stale = await cm.client.patch(`/api/workspaces/${ws}/inbox/conversations/${q.id}`, { version: q.version, assigneeId: null });
    expect(stale.status).toBe(409);
    expect((await owner.get(`/api/workspaces/${ws}/inbox/conversations/${q.id}`)).body.conversation.assigneeId).toBe(cm.userId);

    // Only members can be assigned; analysts can neither read nor assign; unknown fields are refused.
    const stranger = await signUpUser(t.baseUrl, 'Stranger');
    expect((await owner.patch(`/api/workspaces/${ws}/inbox/conversations/${q.id}`, { version: assigned.body.version, assigneeId: stranger.userId })).status).toBe(400);
    expect((await analyst.patch(`/api/workspaces/${ws}/inbox/conversations/${q.id}`, { version: assigned.body.version, assigneeId: null })).status).toBe(403);
    expect((await analyst.get(`/api/workspaces/${ws}/inbox/conversations`)).status).toBe(403);
    expect((await owner.patch(`/api/workspaces/${ws}/inbox/conversations/${q.id}`, { version: assigned.body.version, color: 'red' })).status).toBe(400);

    // Bulk: snooze two, they leave the usual views for the snoozed one; then mark done.
    const until2099 = '2099-01-01T00:00:00.000Z';
    const bulk = await cm.client.patch(`/api/workspaces/${ws}/inbox/conversations`, { ids: [q.id, praise.id], changes: { snoozedUntil: until2099 } });
    expect(bulk.status).toBe(200);
    expect(bulk.body.conversations).toHaveLength(2);
    expect((await list(`channelId=${c.id}`)).map((x) => x.id)).not.toContain(praise.id);
    expect((await list(`channelId=${c.id}&view=snoozed`)).map((x) => x.id).sort()).toEqual([q.id, praise.id].sort());
    await cm.client.patch(`/api/workspaces/${ws}/inbox/conversations`, { ids: [q.id, praise.id], changes: { status: 'done', snoozedUntil: null } });
    expect((await list(`channelId=${c.id}&status=done`)).map((x) => x.id).sort()).toEqual([q.id, praise.id].sort());
    expect((await list(`channelId=${c.id}&view=needs_reply`))).toEqual([]);
  });

  it('never crosses workspaces', async () => {
    const c = await channel();
    sinkStore.addInbound(c.account, { text: 'Private question?', kind: 'message', conversationId: 'dm-x' });
    await pull(c.id);
    const [conv] = await convs(c.id);
    const { client: other, userId: otherId } = await signUpUser(t.baseUrl, 'Other owner');
    const otherWs = (await other.post('/api/workspaces', { name: 'Elsewhere' })).body.id;
    expect((await other.get(`/api/workspaces/${otherWs}/inbox/conversations`)).body.conversations).toEqual([]);
    expect((await other.get(`/api/workspaces/${otherWs}/inbox/conversations/${conv!.id}`)).status).toBe(404);
    expect((await other.patch(`/api/workspaces/${otherWs}/inbox/conversations/${conv!.id}`, { version: conv!.version, status: 'done' })).status).toBe(404);
    expect((await other.patch(`/api/workspaces/${otherWs}/inbox/conversations`, { ids: [conv!.id], changes: { status: 'done' } })).status).toBe(404);
    expect((await other.get(`/api/workspaces/${ws}/inbox/conversations`)).status).toBe(404);
    // Assigning a member of another workspace is refused.
    expect((await owner.patch(`/api/workspaces/${ws}/inbox/conversations/${conv!.id}`, { version: conv!.version, assigneeId: otherId })).status).toBe(400);
    expect((await convs(c.id))[0]).toMatchObject({ status: 'open', assigneeId: null });
  });
});
