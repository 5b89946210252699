import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { communityMembers, communityPosts, communitySilences } from '../../db/schema';
import type { ApiClient } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { communityOwner, createSpace, joinCommunity, MemberClient } from './testMembers';

/** Locks, silences, new-member limits, blocks and bad input, through HTTP on both engines. */
let t: TestTandem;
let ws: string;
let owner: ApiClient;
let openId: string;
const team = (path: string) => `/api/workspaces/${ws}/community${path}`;

beforeAll(async () => {
  t = await startTestTandem();
  ({ owner, workspaceId: ws } = await communityOwner(t, 'Caffè Guardrails'));
  openId = (await createSpace(owner, ws, { name: 'Open', slug: 'open' })).id;
});
afterAll(async () => t?.stop());

async function thread(m: MemberClient, title = 'A thread', body = 'Opening words', slug = 'open') {
  const res = await m.post(`/spaces/${slug}/threads`, { title, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; posts: { id: string }[] };
}
const postsBy = async (m: MemberClient) => (await t.database.db.select({ id: communityPosts.id }).from(communityPosts).where(eq(communityPosts.authorMemberId, m.id))).length;
/** Moves a member's posts back in time, as if they had been written `seconds` earlier. */
const age = (m: MemberClient, seconds: number) =>
  t.database.db.update(communityPosts).set({ createdAt: sql`${communityPosts.createdAt} - make_interval(secs => ${seconds})` }).where(eq(communityPosts.authorMemberId, m.id));

describe('locking a thread', () => {
  it('refuses members’ replies with a clear message and saves nothing; staff still answer; unlocking reopens it', async () => {
    const m = await joinCommunity(t, ws);
    const start = await thread(m, 'Heated thread');
    const lock = await owner.post(team(`/threads/${start.id}/lock`));
    expect(lock.body).toMatchObject({ threadId: start.id, locked: true });
    expect((await m.get(`/threads/${start.id}`)).body.locked).toBe(true);
    expect((await m.get('/spaces/open')).body.threads.find((x: { id: string }) => x.id === start.id).locked).toBe(true);
    const refused = await m.post(`/threads/${start.id}/replies`, { body: 'One more thing' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'CONFLICT', message: 'A moderator locked this thread: it takes no new replies.' });
    expect(await postsBy(m)).toBe(1);
    expect((await owner.post(team(`/threads/${start.id}/replies`), { body: 'Closing this, thanks all' })).status).toBe(201);
    expect((await owner.post(team(`/threads/${start.id}/lock`))).status).toBe(409);
    expect((await owner.post(team(`/threads/${start.id}/unlock`))).body.locked).toBe(false);
    expect((await m.post(`/threads/${start.id}/replies`, { body: 'Thanks' })).status).toBe(201);
    expect((await owner.post(team(`/threads/${start.id}/unlock`))).status).toBe(409);
    expect((await owner.post(team(`/threads/${crypto.randomUUID()}/lock`))).status).toBe(404);
    const audit = (await owner.get(`/api/workspaces/${ws}/audit`)).body.entries.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['community.threadLocked', 'community.threadUnlocked']));
  });
});

describe('silencing a member', () => {
  it('lets a silenced member read but not post, edit, react, vote or flag, saying until when and why', async () => {
    const m = await joinCommunity(t, ws, { name: 'Loud' });
    const other = await joinCommunity(t, ws);
    const mine = await thread(m, 'My thread');
    const theirs = await thread(other, 'Their thread');
    const staffPoll = (await owner.post(team(`/spaces/${openId}/threads`), { title: 'Vote', body: 'Pick', poll: { question: 'Which one?', kind: 'single', options: ['A', 'B'] } })).body;
    const silence = await owner.put(team(`/members/${m.id}/silence`), { until: '2099-03-12T18:00:00Z', reason: 'Cooling off' });
    expect(silence.status, JSON.stringify(silence.body)).toBe(200);
    expect(silence.body).toMatchObject({ memberId: m.id, silenced: true, silencedUntil: '2099-03-12T18:00:00.000Z', silenceReason: 'Cooling off', trustLevel: 0 });
    const before = await postsBy(m);
    const attempts = [
      await m.post('/spaces/open/threads', { title: 'Still here', body: 'Hi' }),
      await m.post(`/threads/${theirs.id}/replies`, { body: 'Reply' }),
      await m.patch(`/posts/${mine.posts[0]!.id}`, { body: 'Edited' }),
      await m.request('PUT', `/posts/${theirs.posts[0]!.id}/reactions/like`),
      await m.request('PUT', `/threads/${staffPoll.id}/poll/vote`, { choices: [(await m.get(`/threads/${staffPoll.id}/poll`)).body.options[0].id] }),
      await m.post(`/posts/${theirs.posts[0]!.id}/flags`, { reason: 'spam' }),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(403);
      expect(res.body.error.details).toEqual({ reason: 'silenced', until: '2099-03-12T18:00:00.000Z' });
      expect(res.body.error.message).toBe('A moderator silenced you in this community until 12 March 2099, 18:00 UTC: you can read, but not post, react, vote or flag. Reason: Cooling off');
    }
    expect(await postsBy(m)).toBe(before);
    expect((await m.get(`/threads/${mine.id}`)).body.posts[0].bodySource).toBe('Opening words');
    expect((await m.get(`/threads/${theirs.id}`)).status).toBe(200);

    expect((await owner.get(team(`/members/${m.id}/standing`))).body.silenced).toBe(true);
    const lift = await owner.delete(team(`/members/${m.id}/silence`));
    expect(lift.body).toMatchObject({ silenced: false, silencedUntil: null });
    expect((await m.post(`/threads/${theirs.id}/replies`, { body: 'Back' })).status).toBe(201);
    const liftAgain = await owner.delete(team(`/members/${m.id}/silence`));
    expect(liftAgain.status).toBe(409);
    expect(liftAgain.body.error.message).toBe('This member is not silenced.');
    const audit = (await owner.get(`/api/workspaces/${ws}/audit`)).body.entries.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['community.memberSilenced', 'community.memberUnsilenced']));
  });

  it('silences until lifted when no end is given, and a silence ends on its own at its end', async () => {
    const m = await joinCommunity(t, ws);
    await owner.put(team(`/members/${m.id}/silence`), {});
    const refused = await m.post('/spaces/open/threads', { title: 'Hello', body: 'Hi' });
    expect(refused.body.error.message).toBe('A moderator silenced you in this community until a moderator lifts it: you can read, but not post, react, vote or flag.');
    expect(refused.body.error.details.until).toBeNull();
    // A new silence replaces the one in force (both stay in the history).
    await owner.put(team(`/members/${m.id}/silence`), { until: new Date(Date.now() + 3_600_000).toISOString() });
    expect(await t.database.db.select().from(communitySilences).where(eq(communitySilences.memberId, m.id))).toHaveLength(2);
    await t.database.db.update(communitySilences).set({ endsAt: sql`now() - interval '1 second'` }).where(eq(communitySilences.memberId, m.id));
    expect((await owner.get(team(`/members/${m.id}/standing`))).body.silenced).toBe(false);
    await thread(m, 'Free again');
  });

  it('refuses a past end, unknown members and members of other communities', async () => {
    const m = await joinCommunity(t, ws);
    const past = await owner.put(team(`/members/${m.id}/silence`), { until: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect(past.body.error.message).toMatch(/in the past/);
    expect((await owner.put(team(`/members/${m.id}/silence`), { until: 'tomorrow' })).status).toBe(400);
    expect((await owner.put(team(`/members/${m.id}/silence`), { reason: 'x'.repeat(501) })).status).toBe(400);
    expect((await owner.get(team(`/members/${m.id}/standing`))).body.silenced).toBe(false);
    expect((await owner.put(team(`/members/${crypto.randomUUID()}/silence`), {})).status).toBe(404);
    const other = await communityOwner(t, 'Elsewhere');
    expect((await other.owner.put(`/api/workspaces/${other.workspaceId}/community/members/${m.id}/silence`, {})).status).toBe(404);
  });
});

describe('new-member limits', () => {
  let cws: string;
  let cowner: ApiClient;
  beforeAll(async () => {
    ({ owner: cowner, workspaceId: cws } = await communityOwner(t, 'Caffè Limits', { keepNewMemberLimits: true }));
    await createSpace(cowner, cws, { name: 'Open', slug: 'open' });
  });

  it('start with Discourse’s new-user defaults and can be changed per community', async () => {
    expect((await cowner.get(`/api/workspaces/${cws}/community`)).body.newMemberLimits).toEqual({ threadsPerDay: 3, repliesPerDay: 10, secondsBetweenThreads: 120, secondsBetweenReplies: 30 });
    const bad = await cowner.put(`/api/workspaces/${cws}/community`, { name: 'Caffè Limits community', newMemberLimits: { threadsPerDay: -1 } });
    expect(bad.status).toBe(400);
    expect((await cowner.get(`/api/workspaces/${cws}/community`)).body.newMemberLimits.threadsPerDay).toBe(3);
  });

  it('make a new member wait between two threads and stop them at three threads a day', async () => {
    const m = await joinCommunity(t, cws);
    await thread(m, 'First');
    const tooSoon = await m.post('/spaces/open/threads', { title: 'Second', body: 'Hi' });
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.body.error.code).toBe('RATE_LIMITED');
    expect(tooSoon.body.error.details.limit).toBe('seconds_between_threads');
    expect(tooSoon.body.error.details.retryAfterSeconds).toBeGreaterThan(100);
    expect(tooSoon.body.error.details.retryAfterSeconds).toBeLessThanOrEqual(120);
    expect(tooSoon.body.error.message).toMatch(/^New members wait 2 minutes between two threads: you can start another in (\d+ seconds?|2 minutes)\.$/);
    expect(await postsBy(m)).toBe(1);
    await age(m, 121);
    await thread(m, 'Second');
    await age(m, 121);
    await thread(m, 'Third');
    await age(m, 121);
    const fourth = await m.post('/spaces/open/threads', { title: 'Fourth', body: 'Hi' });
    expect(fourth.status).toBe(429);
    expect(fourth.body.error.details.limit).toBe('threads_per_day');
    // The first thread is 363 s old: it leaves the 24-hour window in 86400 - 363 s.
    expect(fourth.body.error.details.retryAfterSeconds).toBeGreaterThan(86_000);
    expect(fourth.body.error.details.retryAfterSeconds).toBeLessThanOrEqual(86_400 - 363);
    expect(fourth.body.error.message).toMatch(/^New members start at most 3 threads a day: you can start another in 23 hours 5\d minutes\.$/);
    // Replies have their own limits: a thread-capped member still replies.
    const other = await thread(await joinCommunity(t, cws), 'Other');
    expect((await m.post(`/threads/${other.id}/replies`, { body: 'Still welcome' })).status).toBe(201);
  });

  it('make a new member wait between replies and stop them at ten replies a day', async () => {
    const starter = await joinCommunity(t, cws);
    const start = await thread(starter);
    const m = await joinCommunity(t, cws);
    expect((await m.post(`/threads/${start.id}/replies`, { body: 'One' })).status).toBe(201);
    const tooSoon = await m.post(`/threads/${start.id}/replies`, { body: 'Two' });
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.body.error.details).toMatchObject({ limit: 'seconds_between_replies' });
    expect(tooSoon.body.error.message).toMatch(/^New members wait 30 seconds between two replies: you can post another in \d+ seconds?\.$/);
    for (let i = 2; i <= 10; i++) {
      await age(m, 31);
      expect((await m.post(`/threads/${start.id}/replies`, { body: `Reply ${i}` })).status).toBe(201);
    }
    await age(m, 31);
    const eleventh = await m.post(`/threads/${start.id}/replies`, { body: 'Eleven' });
    expect(eleventh.status).toBe(429);
    expect(eleventh.body.error.details.limit).toBe('replies_per_day');
    expect(eleventh.body.error.message).toMatch(/^New members post at most 10 replies a day/);
    expect(await postsBy(m)).toBe(10);
    // Posts older than a day no longer count.
    await age(m, 86_400);
    expect((await m.post(`/threads/${start.id}/replies`, { body: 'Next day' })).status).toBe(201);
  });

  it('let only one of two threads sent at once through', async () => {
    const m = await joinCommunity(t, cws);
    const both = await Promise.all([m.post('/spaces/open/threads', { title: 'Twin one', body: 'Hi' }), m.post('/spaces/open/threads', { title: 'Twin two', body: 'Hi' })]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 429]);
    expect(await postsBy(m)).toBe(1);
  });

  it('spare members above trust level 0 and staff, and follow the community’s settings', async () => {
    const trusted = await joinCommunity(t, cws);
    await t.database.db.update(communityMembers).set({ trustLevel: 1 }).where(eq(communityMembers.id, trusted.id));
    await thread(trusted, 'Trusted one');
    await thread(trusted, 'Trusted two');
    const space = (await cowner.get(`/api/workspaces/${cws}/community/spaces`)).body.spaces[0].id;
    for (const title of ['Staff one', 'Staff two']) expect((await cowner.post(`/api/workspaces/${cws}/community/spaces/${space}/threads`, { title, body: 'Hi' })).status).toBe(201);
    const changed = await cowner.put(`/api/workspaces/${cws}/community`, { name: 'Caffè Limits community', newMemberLimits: { secondsBetweenThreads: 0, threadsPerDay: 1 } });
    expect(changed.body.newMemberLimits).toEqual({ threadsPerDay: 1, repliesPerDay: 10, secondsBetweenThreads: 0, secondsBetweenReplies: 30 });
    const m = await joinCommunity(t, cws);
    await thread(m, 'Only one');
    const second = await m.post('/spaces/open/threads', { title: 'Second', body: 'Hi' });
    expect(second.body.error.message).toMatch(/^New members start at most 1 thread a day/);
  });
});

describe('blocking a member', () => {
  it('turns the blocked member’s posts into placeholders for the blocker only, and refuses their quotes', async () => {
    const a = await joinCommunity(t, ws, { name: 'Blocker' });
    const b = await joinCommunity(t, ws, { name: 'Pest' });
    const c = await joinCommunity(t, ws, { name: 'Bystander' });
    const aThread = await thread(a, 'A asks');
    const bReply = (await b.post(`/threads/${aThread.id}/replies`, { body: 'Pest says' })).body;
    const bThread = await thread(b, 'Pest thread');
    const block = await a.request('PUT', `/me/blocks/${b.id}`);
    expect(block.status).toBe(200);
    expect(block.body.blocks).toEqual([{ member: { id: b.id, displayName: 'Pest', avatarUrl: null }, createdAt: expect.any(String) }]);
    expect((await a.request('PUT', `/me/blocks/${b.id}`)).body.blocks).toHaveLength(1);

    const seenByA = (await a.get(`/threads/${aThread.id}`)).body.posts.find((p: { id: string }) => p.id === bReply.id);
    expect(seenByA).toMatchObject({ placeholder: 'blocked', bodySource: null, bodyHtml: null, author: { displayName: 'Pest' } });
    expect((await c.get(`/threads/${aThread.id}`)).body.posts.find((p: { id: string }) => p.id === bReply.id)).toMatchObject({ placeholder: null, bodySource: 'Pest says' });
    expect((await a.get('/spaces/open')).body.threads.map((x: { id: string }) => x.id)).not.toContain(bThread.id);
    expect((await c.get('/spaces/open')).body.threads.map((x: { id: string }) => x.id)).toContain(bThread.id);

    const quote = await b.post(`/threads/${aThread.id}/replies`, { body: 'Quoting you', replyToId: aThread.posts[0]!.id });
    expect(quote.status).toBe(403);
    expect(quote.body.error).toMatchObject({ message: 'This member does not take replies from you: answer the thread instead of their post.', details: { reason: 'blocked' } });
    expect((await t.database.db.select().from(communityPosts).where(eq(communityPosts.threadId, aThread.id))).length).toBe(2);
    expect((await b.post(`/threads/${aThread.id}/replies`, { body: 'To the thread' })).status).toBe(201);
    // The blocker can still quote the blocked member; a bystander is not affected.
    expect((await c.post(`/threads/${aThread.id}/replies`, { body: 'Quote', replyToId: aThread.posts[0]!.id })).status).toBe(201);

    const unblock = await a.delete(`/me/blocks/${b.id}`);
    expect(unblock.body.blocks).toEqual([]);
    expect((await a.get(`/threads/${aThread.id}`)).body.posts.find((p: { id: string }) => p.id === bReply.id).bodySource).toBe('Pest says');
    expect((await b.post(`/threads/${aThread.id}/replies`, { body: 'Again', replyToId: aThread.posts[0]!.id })).status).toBe(201);
  });

  it('refuses blocking oneself, unknown members and members of another community; visitors must sign in', async () => {
    const a = await joinCommunity(t, ws);
    const self = await a.request('PUT', `/me/blocks/${a.id}`);
    expect(self.status).toBe(400);
    expect(self.body.error.message).toBe('You cannot block yourself.');
    expect((await a.request('PUT', `/me/blocks/${crypto.randomUUID()}`)).status).toBe(404);
    const elsewhere = await communityOwner(t, 'Other place');
    const stranger = await joinCommunity(t, elsewhere.workspaceId);
    expect((await a.request('PUT', `/me/blocks/${stranger.id}`)).status).toBe(404);
    expect((await a.get('/me/blocks')).body.blocks).toEqual([]);
    expect((await new MemberClient(t.baseUrl, ws).get('/me/blocks')).status).toBe(401);
  });
});

describe('bad input', () => {
  it('answers empty, over-long and misplaced posts with a clear message and saves nothing', async () => {
    const m = await joinCommunity(t, ws);
    const start = await thread(m);
    const empty = await m.post(`/threads/${start.id}/replies`, { body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.fields.body).toBe('Write something first.');
    const long = await m.post('/spaces/open/threads', { title: 'Long one', body: 'x'.repeat(20_001) });
    expect(long.status).toBe(400);
    expect(long.body.error.details.fields.body).toBe('Keep posts under 20000 characters.');
    const noTitle = await m.post('/spaces/open/threads', { title: ' ', body: 'Hi' });
    expect(noTitle.body.error.details.fields.title).toMatch(/at least 3 characters/);
    const unknown = await m.post('/spaces/no-such-space/threads', { title: 'Lost', body: 'Hi' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('That space was not found, or you cannot see it.');
    expect((await m.post(`/threads/${crypto.randomUUID()}/replies`, { body: 'Hi' })).status).toBe(404);
    expect(await postsBy(m)).toBe(1);
  });
});
