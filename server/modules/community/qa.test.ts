import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { communityOwner, createSpace, joinCommunity, type MemberClient } from './testMembers';

/** Q&A spaces through HTTP on both engines: who accepts, what can be accepted, what lists show. */
let t: TestTandem;
let ws: string;
let owner: ApiClient;
let qa: { id: string; slug: string };
const team = (path: string) => `/api/workspaces/${ws}/community${path}`;

beforeAll(async () => {
  t = await startTestTandem();
  ({ owner, workspaceId: ws } = await communityOwner(t, 'Caffè QA'));
  qa = await createSpace(owner, ws, { name: 'Ask the baristas', slug: 'ask', kind: 'qa' });
  await createSpace(owner, ws, { name: 'Chat', slug: 'chat' });
});
afterAll(async () => t?.stop());

async function question(asker: MemberClient, slug = qa.slug) {
  const res = await asker.post(`/spaces/${slug}/threads`, { title: 'How fine should the grind be?', body: 'For a moka pot, please.' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; posts: { id: string }[] };
}
async function answer(who: MemberClient, threadId: string, body = 'Like table salt.') {
  const res = await who.post(`/threads/${threadId}/replies`, { body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

describe('Q&A spaces', () => {
  it('creates a qa space and presents its kind; discussion is the default', async () => {
    const spaces = (await owner.get(team('/spaces'))).body.spaces as { slug: string; kind: string }[];
    expect(spaces.find((s) => s.slug === 'ask')?.kind).toBe('qa');
    expect(spaces.find((s) => s.slug === 'chat')?.kind).toBe('discussion');
    expect((await owner.post(team('/spaces'), { name: 'X', slug: 'x', kind: 'forum' })).status).toBe(400);
  });

  it('lets the asker accept an answer, replace it, and take it back; lists show solved', async () => {
    const asker = await joinCommunity(t, ws);
    const helper = await joinCommunity(t, ws);
    const q = await question(asker);
    const first = await answer(helper, q.id);
    const second = await answer(helper, q.id, 'Finer than for a French press.');
    const unsolved = (await asker.get(`/spaces/${qa.slug}`)).body.threads.find((x: { id: string }) => x.id === q.id);
    expect(unsolved).toMatchObject({ acceptedPostId: null, solved: false });

    const accepted = await asker.request('PUT', `/threads/${q.id}/accepted-answer`, { postId: first.id });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ acceptedPostId: first.id, solved: true });
    const replaced = await asker.request('PUT', `/threads/${q.id}/accepted-answer`, { postId: second.id });
    expect(replaced.body.acceptedPostId).toBe(second.id);
    expect((await helper.get(`/threads/${q.id}`)).body.acceptedPostId).toBe(second.id);
    const listed = (await helper.get(`/spaces/${qa.slug}`)).body.threads.find((x: { id: string }) => x.id === q.id);
    expect(listed).toMatchObject({ acceptedPostId: second.id, solved: true });

    const taken = await asker.delete(`/threads/${q.id}/accepted-answer`);
    expect(taken.body).toMatchObject({ acceptedPostId: null, solved: false });
  });

  it('refuses other members, the question itself, other threads’ posts and discussion spaces', async () => {
    const asker = await joinCommunity(t, ws);
    const other = await joinCommunity(t, ws);
    const q = await question(asker);
    const a = await answer(other, q.id);
    const refused = await other.request('PUT', `/threads/${q.id}/accepted-answer`, { postId: a.id });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/author of the question, or staff/);
    expect((await asker.request('PUT', `/threads/${q.id}/accepted-answer`, { postId: q.posts[0]!.id })).status).toBe(400);
    const elsewhere = await question(asker);
    const foreign = await answer(other, elsewhere.id);
    expect((await asker.request('PUT', `/threads/${q.id}/accepted-answer`, { postId: foreign.id })).status).toBe(400);
    const chat = await question(asker, 'chat');
    const chatReply = await answer(other, chat.id);
    const notQa = await asker.request('PUT', `/threads/${chat.id}/accepted-answer`, { postId: chatReply.id });
    expect(notQa.status).toBe(409);
    expect(notQa.body.error.message).toMatch(/only Q&A spaces/);
    expect((await asker.get(`/threads/${q.id}`)).body.acceptedPostId).toBeNull();
  });

  it('lets staff accept through the team API, and forgets a deleted answer', async () => {
    const asker = await joinCommunity(t, ws);
    const q = await question(asker);
    const staffAnswer = (await owner.post(team(`/threads/${q.id}/replies`), { body: 'Staff says: medium-fine.' })).body;
    const res = await owner.put(team(`/threads/${q.id}/accepted-answer`), { postId: staffAnswer.id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ acceptedPostId: staffAnswer.id, solved: true });
    expect((await owner.delete(team(`/posts/${staffAnswer.id}`))).status).toBe(200);
    expect((await asker.get(`/threads/${q.id}`)).body).toMatchObject({ acceptedPostId: null, solved: false });
    expect((await owner.put(team(`/threads/${q.id}/accepted-answer`), { postId: staffAnswer.id })).status).toBe(400);
  });
});
