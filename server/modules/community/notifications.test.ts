import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { until } from '../../test/until';
import { remindEvents } from './jobs/remindEvents';
import { communityOwner, createSpace, joinCommunity, MemberClient } from './testMembers';
import { openStream, runJob } from './testStreams';

/** Live updates over SSE and member notifications, through HTTP on both engines. */
let t: TestTandem;
let ws: string;
let owner: ApiClient;

beforeAll(async () => {
  t = await startTestTandem();
  ({ owner, workspaceId: ws } = await communityOwner(t, 'Caffè Live'));
  await createSpace(owner, ws, { name: 'Open', slug: 'open' });
  await createSpace(owner, ws, { name: 'Regulars', slug: 'regulars', visibility: 'members' });
  await createSpace(owner, ws, { name: 'Secret', slug: 'secret', visibility: 'private' });
  await createSpace(owner, ws, { name: 'Moderated', slug: 'moderated', requireReplyApproval: true });
});
afterAll(async () => t?.stop());

const live = (path: string) => `${t.baseUrl}/api/communities/${ws}/live${path}`;
const startThread = async (m: MemberClient, space = 'open', body = 'Opening words') => {
  const res = await m.post(`/spaces/${space}/threads`, { title: 'A thread to talk in', body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; posts: { id: string }[] };
};
const handleOf = async (m: MemberClient) => (await m.get('/me')).body.member.handle as string;
const notifications = async (m: MemberClient) => (await m.get('/notifications')).body as { notifications: any[]; unreadCount: number; nextCursor: string | null };

describe('live stream (SSE)', () => {
  it('sends post.created to a reader of the thread when another member replies, and the follower’s notification', async () => {
    const bea = await joinCommunity(t, ws, { name: 'Bea' });
    const carlo = await joinCommunity(t, ws, { name: 'Carlo' });
    const thread = await startThread(bea);
    const stream = await openStream(live(`?thread=${thread.id}`), bea.cookie);
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.headers.get('cache-control')).toMatch(/no-cache/);
    await stream.waitFor('the stream to open', (e) => e.event === ':connected');

    const reply = await carlo.post(`/threads/${thread.id}/replies`, { body: 'Count me in' });
    expect(reply.status).toBe(201);
    const created = await stream.waitFor('post.created', (e) => e.event === 'post.created');
    expect(created.data).toEqual({ threadId: thread.id, postId: reply.body.id });
    // Bea follows the thread she started: the reply is a notification on her own stream.
    const note = await stream.waitFor('notification', (e) => e.event === 'notification');
    const list = await notifications(bea);
    expect(note.data).toEqual({ id: list.notifications[0].id, kind: 'reply' });
    expect(list.notifications[0]).toMatchObject({ kind: 'reply', threadId: thread.id, postId: reply.body.id, readAt: null, payload: { actorName: 'Carlo', threadTitle: 'A thread to talk in', excerpt: 'Count me in' } });

    await carlo.patch(`/posts/${reply.body.id}`, { body: 'Count me in, twice' });
    await carlo.request('PUT', `/posts/${reply.body.id}/reactions/like`);
    await carlo.delete(`/posts/${reply.body.id}`);
    for (const name of ['post.updated', 'reaction.changed', 'post.deleted']) {
      expect((await stream.waitFor(name, (e) => e.event === name)).data).toEqual({ threadId: thread.id, postId: reply.body.id });
    }
    await stream.close();
  });

  it('lets anonymous visitors follow public threads only, and releases every subscription when clients leave', async () => {
    const bea = await joinCommunity(t, ws);
    const open = await startThread(bea);
    const regulars = await startThread(bea, 'regulars');
    const before = t.ctx.realtime.subscriptionCount();
    const anon = await openStream(live(`?thread=${open.id}`));
    expect(anon.status).toBe(200);
    await anon.waitFor('the stream to open', (e) => e.event === ':connected');
    expect(t.ctx.realtime.subscriptionCount()).toBe(before + 1);
    await anon.close();
    await until('the subscription to be released', async () => t.ctx.realtime.subscriptionCount() === before);

    const denied = await openStream(live(`?thread=${regulars.id}`));
    expect(denied.status).toBe(401);
    const nothing = await openStream(live(''));
    expect(nothing.status).toBe(401);
    const outsider = await joinCommunity(t, ws);
    const secret = await owner.post(`/api/workspaces/${ws}/community/spaces/${(await owner.get(`/api/workspaces/${ws}/community/spaces`)).body.spaces.find((s: any) => s.slug === 'secret').id}/threads`, { title: 'Only for some', body: 'Psst' });
    expect((await openStream(live(`?thread=${secret.body.id}`), outsider.cookie)).status).toBe(404);
    expect(t.ctx.realtime.subscriptionCount()).toBe(before);
  });

  it('sends poll.changed when a member votes', async () => {
    const bea = await joinCommunity(t, ws);
    const res = await bea.post('/spaces/open/threads', { title: 'Which roast?', body: 'Vote', poll: { question: 'Which roast?', kind: 'single', options: ['Light', 'Dark'], resultsVisibility: 'always' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const poll = (await bea.get(`/threads/${res.body.id}/poll`)).body;
    const stream = await openStream(live(`?thread=${res.body.id}`));
    await stream.waitFor('the stream to open', (e) => e.event === ':connected');
    expect((await bea.request('PUT', `/threads/${res.body.id}/poll/vote`, { choices: [poll.options[0].id] })).status).toBe(200);
    expect((await stream.waitFor('poll.changed', (e) => e.event === 'poll.changed')).data).toEqual({ threadId: res.body.id, pollId: poll.id });
    await stream.close();
  });
});

describe('mentions', () => {
  it('derives a unique handle from the display name, links @handle to the profile and notifies, unless mentions are off', async () => {
    const giulia = await joinCommunity(t, ws, { name: 'Giulia Rossì' });
    const namesake = await joinCommunity(t, ws, { name: 'Giulia Rossi' });
    expect(await handleOf(giulia)).toBe('giulia_rossi');
    expect(await handleOf(namesake)).toBe('giulia_rossi2');
    const writer = await joinCommunity(t, ws, { name: 'Writer' });
    const thread = await startThread(writer, 'open', 'Hello @Giulia_Rossi and @nobody_here, see `@giulia_rossi2`');
    expect(thread.posts[0]).toBeDefined();
    const html = (await writer.get(`/threads/${thread.id}`)).body.posts[0].bodyHtml as string;
    expect(html).toContain(`<a href="/c/${ws}/u/${giulia.id}" class="mention"`);
    expect(html).toContain('@nobody_here');
    expect(html).not.toContain(`members/${namesake.id}`);
    expect((await notifications(giulia)).notifications).toMatchObject([{ kind: 'mention', threadId: thread.id, payload: { actorName: 'Writer' } }]);
    expect((await notifications(namesake)).notifications).toEqual([]);

    expect((await giulia.patch('/me', { notificationPrefs: { mentions: false } })).status).toBe(200);
    await startThread(writer, 'open', 'Again, @giulia_rossi');
    // A reply to a thread she follows still reaches her: only mentions are off.
    const hers = await startThread(giulia);
    await writer.post(`/threads/${hers.id}/replies`, { body: 'Hi @giulia_rossi' });
    const list = await notifications(giulia);
    expect(list.notifications.map((n) => n.kind)).toEqual(['reply', 'mention']);

    // Newly mentioned in an edit: told once.
    const post = await writer.post(`/threads/${thread.id}/replies`, { body: 'No names yet' });
    await writer.patch(`/posts/${post.body.id}`, { body: 'Now with @giulia_rossi2' });
    await writer.patch(`/posts/${post.body.id}`, { body: 'Now with @giulia_rossi2 again' });
    expect((await notifications(namesake)).notifications).toMatchObject([{ kind: 'mention', postId: post.body.id }]);
  });

  it('notifies the author of the post answered (quote), and nobody about their own words or with replies off', async () => {
    const ann = await joinCommunity(t, ws, { name: 'Ann' });
    const ben = await joinCommunity(t, ws, { name: 'Ben' });
    const cleo = await joinCommunity(t, ws, { name: 'Cleo' });
    const thread = await startThread(ann);
    const benPost = await ben.post(`/threads/${thread.id}/replies`, { body: 'First!' });
    await cleo.patch('/me', { notificationPrefs: { replies: false } });
    await cleo.post(`/threads/${thread.id}/replies`, { body: 'Me too' });
    await ann.post(`/threads/${thread.id}/replies`, { body: 'Answering you', replyToId: benPost.body.id });
    // Ben follows since he replied: Cleo's reply is a `reply`, Ann's answer to him a `quote` (one each).
    expect((await notifications(ben)).notifications.map((n) => [n.kind, n.payload.actorName])).toEqual([['quote', 'Ann'], ['reply', 'Cleo']]);
    expect((await notifications(ann)).notifications.map((n) => n.kind)).toEqual(['reply', 'reply']);
    expect((await notifications(cleo)).notifications).toEqual([]);
  });
});

describe('no notification about what a member cannot read', () => {
  it('skips private spaces the member is not invited to, and pending posts until they are approved', async () => {
    const insider = await joinCommunity(t, ws, { name: 'Insider' });
    const outsider = await joinCommunity(t, ws, { name: 'Outsider Olga' });
    const spaces = (await owner.get(`/api/workspaces/${ws}/community/spaces`)).body.spaces as { id: string; slug: string }[];
    const secret = spaces.find((s) => s.slug === 'secret')!;
    await owner.put(`/api/workspaces/${ws}/community/spaces/${secret.id}/invites/${insider.id}`, {});
    await startThread(insider, 'secret', `Psst @${await handleOf(outsider)}`);
    expect((await notifications(outsider)).notifications).toEqual([]);

    const follower = await joinCommunity(t, ws, { name: 'Follower' });
    const thread = await startThread(follower, 'moderated');
    const stream = await openStream(live(`?thread=${thread.id}`), follower.cookie);
    await stream.waitFor('the stream to open', (e) => e.event === ':connected');
    const pending = await insider.post(`/threads/${thread.id}/replies`, { body: `Waiting, @${await handleOf(outsider)}` });
    expect(pending.body.state).toBe('pending');
    expect((await notifications(follower)).notifications).toEqual([]);
    expect((await notifications(outsider)).notifications).toEqual([]);
    expect((await owner.post(`/api/workspaces/${ws}/community/posts/${pending.body.id}/approve`)).status).toBe(200);
    expect((await stream.waitFor('post.created on approval', (e) => e.event === 'post.created')).data).toEqual({ threadId: thread.id, postId: pending.body.id });
    // The pending reply itself was never announced on the stream.
    expect(stream.events.filter((e) => e.event === 'post.created')).toHaveLength(1);
    expect((await notifications(follower)).notifications.map((n) => n.kind)).toEqual(['reply']);
    expect((await notifications(outsider)).notifications.map((n) => n.kind)).toEqual(['mention']);
    await stream.close();

    // Once the post is deleted, its notification (and its words) leave the list.
    await insider.delete(`/posts/${pending.body.id}`);
    expect(await notifications(outsider)).toMatchObject({ notifications: [], unreadCount: 0 });
  });
});

describe('notification list', () => {
  it('pages newest first, counts unread, marks one or all read, and touches only the member’s own', async () => {
    const me = await joinCommunity(t, ws, { name: 'Paged' });
    const other = await joinCommunity(t, ws, { name: 'Other' });
    const handle = await handleOf(me);
    for (let i = 0; i < 3; i++) await startThread(other, 'open', `Ping ${i} @${handle}`);
    const first = (await me.get('/notifications?limit=2')).body;
    expect(first.notifications).toHaveLength(2);
    expect(first.unreadCount).toBe(3);
    expect(first.notifications[0].payload.excerpt).toBe(`Ping 2 @${handle}`);
    const second = (await me.get(`/notifications?limit=2&cursor=${first.nextCursor}`)).body;
    expect(second).toMatchObject({ nextCursor: null });
    expect(second.notifications.map((n: any) => n.payload.excerpt)).toEqual([`Ping 0 @${handle}`]);

    expect((await other.post('/notifications/read', { ids: [first.notifications[0].id] })).body).toEqual({ unreadCount: 0 });
    expect((await me.post('/notifications/read', { ids: [first.notifications[0].id] })).body).toEqual({ unreadCount: 2 });
    expect((await me.get('/notifications?unread=true')).body.notifications).toHaveLength(2);
    expect((await me.post('/notifications/read', { all: true })).body).toEqual({ unreadCount: 0 });
    expect((await me.get('/notifications/unread-count')).body).toEqual({ unreadCount: 0 });
    expect((await me.post('/notifications/read', {})).status).toBe(400);
    expect((await new MemberClient(t.baseUrl, ws).get('/notifications')).status).toBe(401);
  });

  it('welcomes new members with the community’s welcome message', async () => {
    expect((await owner.put(`/api/workspaces/${ws}/community`, { name: 'Caffè Live community', welcomeMessage: 'Welcome! Say **hi** in #open.' })).body).toMatchObject({ welcomeMessageHtml: '<p>Welcome! Say <strong>hi</strong> in #open.</p>' });
    const newbie = await joinCommunity(t, ws);
    expect((await notifications(newbie)).notifications).toMatchObject([{ kind: 'welcome', payload: { communityName: 'Caffè Live community', messageHtml: '<p>Welcome! Say <strong>hi</strong> in #open.</p>' } }]);
  });
});

describe('event reminders', () => {
  const at = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 16);
  const HOUR = 3_600_000;
  async function eventIn(author: MemberClient, ms: number) {
    const res = await author.post('/spaces/open/threads', { title: 'Cupping soon', body: 'Come', event: { title: 'Cupping', startsAt: at(ms), endsAt: at(ms + 2 * HOUR), timeZone: 'UTC', place: 'The bar' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }
  const reminders = async (m: MemberClient) => (await notifications(m)).notifications.filter((n) => n.kind === 'event_reminder');

  it('reminds going and interested members once 24 h before and once 1 h before, not the others', async () => {
    const host = await joinCommunity(t, ws);
    const going = await joinCommunity(t, ws);
    const maybe = await joinCommunity(t, ws);
    const no = await joinCommunity(t, ws);
    const tomorrow = await eventIn(host, 20 * HOUR);
    const soon = await eventIn(host, 30 * 60_000);
    const later = await eventIn(host, 30 * HOUR);
    for (const id of [tomorrow, soon, later]) {
      await going.request('PUT', `/threads/${id}/event/rsvp`, { status: 'going' });
      await maybe.request('PUT', `/threads/${id}/event/rsvp`, { status: 'interested' });
      await no.request('PUT', `/threads/${id}/event/rsvp`, { status: 'not_going' });
    }
    await runJob(t, remindEvents, {});
    await runJob(t, remindEvents, {});
    for (const m of [going, maybe]) {
      const r = await reminders(m);
      expect(r.map((n) => [n.threadId, n.payload.window]).sort()).toEqual([[soon, '1h'], [tomorrow, '24h']].sort());
    }
    expect(await reminders(no)).toEqual([]);
    expect(await reminders(host)).toEqual([]);
  });
});
