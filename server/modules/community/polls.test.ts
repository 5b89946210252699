import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ApiClient } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { communityOwner, createSpace, joinCommunity, MemberClient } from './testMembers';

/** Polls through HTTP on both engines: kinds, results visibility, closing, ballots, isolation. */
let t: TestTandem;
let ws: string;
let owner: ApiClient;

beforeAll(async () => {
  t = await startTestTandem();
  ({ owner, workspaceId: ws } = await communityOwner(t, 'Caffè Polls'));
  await createSpace(owner, ws, { name: 'Open', slug: 'open' });
  await createSpace(owner, ws, { name: 'Regulars', slug: 'regulars', visibility: 'members' });
  await createSpace(owner, ws, { name: 'Secret', slug: 'secret', visibility: 'private' });
});
afterAll(async () => t?.stop());

interface PollView {
  id: string;
  maxChoices: number | null;
  options: { id: string; label: string }[];
  myChoices: string[] | null;
  results: { voters: number; options: { optionId: string; votes: number }[]; runoff: { winners: string[]; rounds: unknown[] } | null } | null;
  resultsHiddenUntil: string | null;
  closed: boolean;
}

async function pollThread(author: MemberClient, poll: Record<string, unknown>, slug = 'open') {
  const res = await author.post(`/spaces/${slug}/threads`, { title: 'What shall we brew?', body: 'Vote below', poll: { question: 'Which beans?', options: ['Arabica', 'Robusta', 'Liberica'], ...poll } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const threadId = res.body.id as string;
  const view = (await author.get<PollView>(`/threads/${threadId}/poll`)).body;
  return { threadId, poll: view, opt: view.options.map((o) => o.id) };
}

const votesOf = (p: PollView) => p.results!.options.map((o) => o.votes);
const closeNow = (threadId: string) => t.database.db.execute(sql`UPDATE community_polls SET closes_at = now() - interval '1 minute' WHERE thread_id = ${threadId}`);
const staffPoll = (threadId: string, workspaceId = ws) => owner.get<PollView>(`/api/workspaces/${workspaceId}/community/threads/${threadId}/poll`);

describe('poll kinds', () => {
  it('single choice: one option per ballot, counted per option', async () => {
    const a = await joinCommunity(t, ws);
    const b = await joinCommunity(t, ws);
    const { threadId, poll, opt } = await pollThread(a, { kind: 'single' });
    expect(poll).toMatchObject({ kind: 'single', maxChoices: null, resultsVisibility: 'always', closed: false, myChoices: null, resultsHiddenUntil: null });
    expect(poll.options.map((o) => o.label)).toEqual(['Arabica', 'Robusta', 'Liberica']);
    const two = await a.request('PUT', `/threads/${threadId}/poll/vote`, { choices: [opt[0], opt[1]] });
    expect(two.status).toBe(400);
    expect(two.body.error.message).toMatch(/exactly one choice/);
    const unknown = await a.request('PUT', `/threads/${threadId}/poll/vote`, { choices: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/not an option of this poll/);
    expect((await a.request('PUT', `/threads/${threadId}/poll/vote`, { choices: [opt[0]] })).body.myChoices).toEqual([opt[0]]);
    const seenByB = (await b.request<PollView>('PUT', `/threads/${threadId}/poll/vote`, { choices: [opt[2]] })).body;
    expect(seenByB.results!.voters).toBe(2);
    expect(votesOf(seenByB)).toEqual([1, 0, 1]);
    expect(seenByB.results!.runoff).toBeNull();
  });

  it('multiple choice: up to maxChoices distinct options', async () => {
    const a = await joinCommunity(t, ws);
    const b = await joinCommunity(t, ws);
    const { threadId, poll, opt } = await pollThread(a, { kind: 'multiple', maxChoices: 2 });
    expect(poll.maxChoices).toBe(2);
    const three = await a.request('PUT', `/threads/${threadId}/poll/vote`, { choices: opt });
    expect(three.status).toBe(400);
    expect(three.body.error.message).toMatch(/at most 2 options/);
    expect((await a.request('PUT', `/threads/${threadId}/poll/vote`, { choices: [opt[0], opt[0]] })).status).toBe(400);
    await a.request('PUT', `/threads/${threadId}/poll/vote`, { choices: [opt[0], opt[2]] });
    const after = (await b.request<PollView>('PUT', `/threads/${threadId}/poll/vote`, { choices: [opt[2]] })).body;
    expect(after.results!.voters).toBe(2);
    expect(votesOf(after)).toEqual([1, 0, 2]);
  });

  it('ranked choice: counted by instant-runoff, the first-round leader can lose', async () => {
    const author = await joinCommunity(t, ws);
    const { threadId, opt } = await pollThread(author, { kind: 'ranked' });
    const [arabica, robusta, liberica] = opt as [string, string, string];
    // 2 × Arabica first; 2 × Robusta > Liberica; 1 × Liberica > Robusta: Liberica out, Robusta wins 3 to 2.
    const rankings = [[arabica], [arabica, robusta], [robusta, liberica], [robusta], [liberica, robusta]];
    let last: PollView | undefined;
    for (const choices of rankings) last = (await (await joinCommunity(t, ws)).request<PollView>('PUT', `/threads/${threadId}/poll/vote`, { choices })).body;
    expect(votesOf(last!)).toEqual([2, 2, 1]);
    expect(last!.results!.runoff).toEqual({
      rounds: [
        { tallies: { [arabica]: 2, [robusta]: 2, [liberica]: 1 }, exhausted: 0, eliminated: [liberica] },
        { tallies: { [arabica]: 2, [robusta]: 3 }, exhausted: 0, eliminated: [] },
      ],
      winners: [robusta],
    });
  });
});

describe('results visibility', () => {
  it('after voting: hidden from anonymous visitors and non-voters, shown to voters, staff and everyone once closed', async () => {
    const a = await joinCommunity(t, ws);
    const b = await joinCommunity(t, ws);
    const anon = new MemberClient(t.baseUrl, ws);
    const { threadId, poll, opt } = await pollThread(a, { kind: 'single', resultsVisibility: 'after_vote' });
    expect(poll).toMatchObject({ results: null, resultsHiddenUntil: 'vote' });
    expect((await a.request<PollView>('PUT', `/threads/${threadId}/poll/vote`, { choices: [opt[1]] })).body).toMatchObject({ resultsHiddenUntil: null, results: { voters: 1 } });
    expect((await b.get<PollView>(`/threads/${threadId}/poll`)).body).toMatchObject({ results: null, resultsHiddenUntil: 'vote' });
    expect((await anon.get<PollView>(`/threads/${threadId}/poll`)).body).toMatchObject({ results: null, resultsHiddenUntil: 'vote' });
    expect((await staffPoll(threadId)).body.results!.voters).toBe(1);
    await closeNow(threadId);
    expect((await anon.get<PollView>(`/threads/${threadId}/poll`)).body).toMatchObject({ closed: true, resultsHiddenUntil: null, results: { voters: 1 } });
  });

  it('after closing: hidden from voters too until the poll closes', async () => {
    const a = await joinCommunity(t, ws);
    const { threadId, opt } = await pollThread(a, { kind: 'single', resultsVisibility: 'after_close', closesAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await a.request<PollView>('PUT', `/threads/${threadId}/poll/vote`, { choices: [opt[0]] })).body).toMatchObject({ myChoices: [opt[0]], results: null, resultsHiddenUntil: 'close' });
    expect((await staffPoll(threadId)).body.results!.voters).toBe(1);
    await closeNow(threadId);
    expect(votesOf((await a.get<PollView>(`/threads/${threadId}/poll`)).body)).toEqual([1, 0, 0]);
    expect(votesOf((await new MemberClient(t.baseUrl, ws).get<PollView>(`/threads/${threadId}/poll`)).body)).toEqual([1, 0, 0]);
  });

  it('staff only: never shown to members or visitors, closed or not; always to staff', async () => {
    const a = await joinCommunity(t, ws);
    const { threadId, opt } = await pollThread(a, { kind: 'single', resultsVisibility: 'staff' });
    await a.request('PUT', `/threads/${threadId}/poll/vote`, { choices: [opt[2]] });
    await closeNow(threadId);
    expect((await a.get<PollView>(`/threads/${threadId}/poll`)).body).toMatchObject({ results: null, resultsHiddenUntil: 'never', myChoices: [opt[2]] });
    expect((await new MemberClient(t.baseUrl, ws).get<PollView>(`/threads/${threadId}/poll`)).body.resultsHiddenUntil).toBe('never');
    expect(votesOf((await staffPoll(threadId)).body)).toEqual([0, 0, 1]);
  });

  it('follows the space: members-only asks visitors to sign in, private hides the poll', async () => {
    const a = await joinCommunity(t, ws);
    const { threadId } = await pollThread(a, { kind: 'single' }, 'regulars');
    expect((await new MemberClient(t.baseUrl, ws).get(`/threads/${threadId}/poll`)).status).toBe(401);
    expect((await (await joinCommunity(t, ws)).get(`/threads/${threadId}/poll`)).status).toBe(200);
    const secret = (await owner.get(`/api/workspaces/${ws}/community/spaces`)).body.spaces.find((s: { slug: string }) => s.slug === 'secret').id;
    const staffThread = await owner.post(`/api/workspaces/${ws}/community/spaces/${secret}/threads`, { title: 'Secret poll', body: 'x', poll: { question: 'Which roast?', kind: 'single', options: ['Light', 'Dark'] } });
    expect(staffThread.status).toBe(201);
    expect((await a.get(`/threads/${staffThread.body.id}/poll`)).status).toBe(404);
    const voteHidden = await a.request('PUT', `/threads/${staffThread.body.id}/poll/vote`, { choices: ['00000000-0000-4000-8000-000000000000'] });
    expect(voteHidden.status).toBe(404);
  });
});

describe('ballots', () => {
  it('a closed poll refuses votes with a clear message', async () => {
    const a = await joinCommunity(t, ws);
    const { threadId, opt } = await pollThread(a, { kind: 'single' });
    await closeNow(threadId);
    const res = await a.request('PUT', `/threads/${threadId}/poll/vote`, { choices: [opt[0]] });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/This poll closed on .*votes are no longer accepted/);
  });

  it('changing a vote replaces it', async () => {
    const a = await joinCommunity(t, ws);
    const { threadId, opt } = await pollThread(a, { kind: 'multiple' });
    await a.request('PUT', `/threads/${threadId}/poll/vote`, { choices: [opt[0], opt[1]] });
    const changed = (await a.request<PollView>('PUT', `/threads/${threadId}/poll/vote`, { choices: [opt[2]] })).body;
    expect(changed.myChoices).toEqual([opt[2]]);
    expect(changed.results!.voters).toBe(1);
    expect(votesOf(changed)).toEqual([0, 0, 1]);
  });

  it('the same vote sent many times at once leaves one ballot', async () => {
    const a = await joinCommunity(t, ws);
    const { threadId, poll, opt } = await pollThread(a, { kind: 'single' });
    const sent = await Promise.all(Array.from({ length: 6 }, (_, i) => a.request('PUT', `/threads/${threadId}/poll/vote`, { choices: [opt[i % 2]] })));
    expect(sent.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const rows = await t.database.db.execute(sql`SELECT count(*)::int AS n FROM community_poll_ballots WHERE poll_id = ${poll.id}`);
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
    expect((await a.get<PollView>(`/threads/${threadId}/poll`)).body.results!.voters).toBe(1);
  });

  it('voting needs a member who acknowledged the guidelines', async () => {
    const a = await joinCommunity(t, ws);
    const { threadId, opt } = await pollThread(a, { kind: 'single' });
    expect((await new MemberClient(t.baseUrl, ws).request('PUT', `/threads/${threadId}/poll/vote`, { choices: [opt[0]] })).status).toBe(401);
    const newcomer = await joinCommunity(t, ws, { acknowledge: false });
    const res = await newcomer.request('PUT', `/threads/${threadId}/poll/vote`, { choices: [opt[0]] });
    expect(res.status).toBe(403);
    expect(res.body.error.details).toEqual({ reason: 'guidelines_not_acknowledged' });
  });
});

describe('adding polls', () => {
  it('the author or staff add one poll per thread; others are refused', async () => {
    const a = await joinCommunity(t, ws);
    const b = await joinCommunity(t, ws);
    const threadId = (await a.post('/spaces/open/threads', { title: 'No poll yet', body: 'x' })).body.id;
    const body = { question: 'Milk or not?', kind: 'single', options: ['Milk', 'Black'] };
    const byOther = await b.post(`/threads/${threadId}/poll`, body);
    expect(byOther.status).toBe(403);
    expect(byOther.body.error.message).toMatch(/Only the author of the thread, or the staff/);
    expect((await a.post(`/threads/${threadId}/poll`, body)).status).toBe(201);
    const second = await a.post(`/threads/${threadId}/poll`, body);
    expect(second.status).toBe(409);
    expect(second.body.error.message).toMatch(/already has a poll/);
    const other = (await a.post('/spaces/open/threads', { title: 'Staff adds', body: 'x' })).body.id;
    const byStaff = await owner.post(`/api/workspaces/${ws}/community/threads/${other}/poll`, { ...body, kind: 'ranked' });
    expect(byStaff.status).toBe(201);
    expect(byStaff.body).toMatchObject({ kind: 'ranked', question: 'Milk or not?' });
  });

  it('refuses bad polls at the edge and past closing times, saving nothing', async () => {
    const a = await joinCommunity(t, ws);
    const bad = async (poll: Record<string, unknown>) => a.post('/spaces/open/threads', { title: 'Bad poll', body: 'x', poll: { question: 'Which?', kind: 'single', options: ['A', 'B'], ...poll } });
    expect((await bad({ options: ['Only one'] })).body.error.message).toMatch(/at least 2 options/);
    expect((await bad({ options: ['Same', 'same'] })).body.error.message).toMatch(/Each option must be different/);
    expect((await bad({ maxChoices: 1 })).body.error.message).toMatch(/Only multiple-choice polls take maxChoices/);
    expect((await bad({ kind: 'multiple', maxChoices: 3 })).body.error.message).toMatch(/cannot exceed/);
    expect((await bad({ kind: 'approval' })).body.error.message).toMatch(/single, multiple or ranked/);
    const past = await bad({ closesAt: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect(past.body.error.message).toMatch(/closing time is in the past/);
    const space = (await a.get('/spaces/open')).body.threads.map((th: { title: string }) => th.title);
    expect(space).not.toContain('Bad poll');
  });
});

describe('isolation between workspaces', () => {
  it('neither members nor staff of another workspace reach a poll', async () => {
    const a = await joinCommunity(t, ws);
    const { threadId, opt } = await pollThread(a, { kind: 'single' });
    const other = await communityOwner(t, 'Caffè Elsewhere');
    const stranger = await joinCommunity(t, other.workspaceId);
    // The thread id asked for under the other community, and the other community's cookie under ours.
    expect((await stranger.get(`/threads/${threadId}/poll`)).status).toBe(404);
    expect((await stranger.request('PUT', `/threads/${threadId}/poll/vote`, { choices: [opt[0]] })).status).toBe(404);
    expect((await other.owner.get(`/api/workspaces/${other.workspaceId}/community/threads/${threadId}/poll`)).status).toBe(404);
    expect((await other.owner.post(`/api/workspaces/${other.workspaceId}/community/threads/${threadId}/poll`, { question: 'Hijack?', kind: 'single', options: ['Y', 'N'] })).status).toBe(404);
    expect((await staffPoll(threadId)).body.results!.voters).toBe(0);
  });
});
