import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { communityOwner, createSpace, joinCommunity, MemberClient } from './testMembers';

/** Reactions, bookmarks and follows through HTTP on both engines. */
let t: TestTandem;
let ws: string;
let owner: ApiClient;

beforeAll(async () => {
  t = await startTestTandem();
  ({ owner, workspaceId: ws } = await communityOwner(t, 'Caffè Social'));
  await createSpace(owner, ws, { name: 'Open', slug: 'open' });
  await createSpace(owner, ws, { name: 'Moderated', slug: 'moderated', requireReplyApproval: true });
});
afterAll(async () => t?.stop());

async function thread(m: MemberClient, slug = 'open') {
  const res = await m.post(`/spaces/${slug}/threads`, { title: 'Social thread', body: 'React to me' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; posts: { id: string }[] };
}

describe('reactions', () => {
  it('counts each member once per reaction, shows one’s own, and takes them back', async () => {
    const a = await joinCommunity(t, ws);
    const b = await joinCommunity(t, ws);
    const start = await thread(a);
    const postId = start.posts[0]!.id;
    expect((await a.request('PUT', `/posts/${postId}/reactions/coffee`)).body).toEqual({ postId, reactions: { coffee: 1 }, myReactions: ['coffee'] });
    await a.request('PUT', `/posts/${postId}/reactions/coffee`);
    await b.request('PUT', `/posts/${postId}/reactions/coffee`);
    await b.request('PUT', `/posts/${postId}/reactions/love`);
    const seenByA = await a.get(`/threads/${start.id}`);
    expect(seenByA.body.posts[0]).toMatchObject({ reactions: { coffee: 2, love: 1 }, myReactions: ['coffee'] });
    const seenByAnon = await new MemberClient(t.baseUrl, ws).get(`/threads/${start.id}`);
    expect(seenByAnon.body.posts[0]).toMatchObject({ reactions: { coffee: 2, love: 1 }, myReactions: [] });
    expect((await b.delete(`/posts/${postId}/reactions/coffee`)).body).toEqual({ postId, reactions: { coffee: 1, love: 1 }, myReactions: ['love'] });
  });

  it('accepts only the fixed set, only from members, only on published posts', async () => {
    const a = await joinCommunity(t, ws);
    const start = await thread(a);
    const postId = start.posts[0]!.id;
    const odd = await a.request('PUT', `/posts/${postId}/reactions/angry`);
    expect(odd.status).toBe(400);
    expect(odd.body.error.message).toMatch(/like, love, laugh, celebrate, thinking, coffee/);
    expect((await new MemberClient(t.baseUrl, ws).request('PUT', `/posts/${postId}/reactions/like`)).status).toBe(401);
    const staffThread = await owner.post(`/api/workspaces/${ws}/community/spaces/${(await owner.get(`/api/workspaces/${ws}/community/spaces`)).body.spaces.find((s: { slug: string }) => s.slug === 'moderated').id}/threads`, { title: 'Held replies', body: 'x' });
    const held = await a.post(`/threads/${staffThread.body.id}/replies`, { body: 'pending reply' });
    expect(held.body.state).toBe('pending');
    expect((await a.request('PUT', `/posts/${held.body.id}/reactions/like`)).status).toBe(409);
    await a.delete(`/posts/${postId}`);
    expect((await a.request('PUT', `/posts/${postId}/reactions/like`)).status).toBe(404);
  });
});

describe('bookmarks and follows', () => {
  it('follows threads one starts or replies to, and lets members stop following', async () => {
    const a = await joinCommunity(t, ws);
    const b = await joinCommunity(t, ws);
    const start = await thread(a);
    expect((await a.get(`/threads/${start.id}`)).body.viewer).toEqual({ bookmarked: false, following: true });
    expect((await b.get(`/threads/${start.id}`)).body.viewer).toEqual({ bookmarked: false, following: false });
    await b.post(`/threads/${start.id}/replies`, { body: 'Me too' });
    expect((await b.get(`/threads/${start.id}`)).body.viewer.following).toBe(true);
    expect((await b.delete(`/threads/${start.id}/follow`)).body).toEqual({ threadId: start.id, bookmarked: false, following: false });
    expect((await b.request('PUT', `/threads/${start.id}/follow`)).body.following).toBe(true);
    expect((await new MemberClient(t.baseUrl, ws).get(`/threads/${start.id}`)).body.viewer).toBeNull();
  });

  it('lists bookmarks newest first, and drops threads that were deleted', async () => {
    const a = await joinCommunity(t, ws);
    const b = await joinCommunity(t, ws);
    const first = await thread(b);
    const second = await thread(b);
    await b.post(`/threads/${first.id}/replies`, { body: 'a reply' });
    expect((await a.request('PUT', `/threads/${first.id}/bookmark`)).body.bookmarked).toBe(true);
    await a.request('PUT', `/threads/${second.id}/bookmark`);
    await a.request('PUT', `/threads/${second.id}/bookmark`);
    const list = await a.get('/me/bookmarks');
    expect(list.body.threads.map((x: { id: string; replyCount: number }) => [x.id, x.replyCount])).toEqual([
      [second.id, 0],
      [first.id, 1],
    ]);
    await b.delete(`/posts/${second.posts[0]!.id}`);
    expect((await a.get('/me/bookmarks')).body.threads.map((x: { id: string }) => x.id)).toEqual([first.id]);
    await a.delete(`/threads/${first.id}/bookmark`);
    expect((await a.get('/me/bookmarks')).body.threads).toEqual([]);
    expect((await b.get('/me/bookmarks')).body.threads).toEqual([]);
  });

  it('refuses marks on threads the member cannot read', async () => {
    const priv = await createSpace(owner, ws, { name: 'Private', slug: 'private', visibility: 'private' });
    const staffThread = await owner.post(`/api/workspaces/${ws}/community/spaces/${priv.id}/threads`, { title: 'Secret', body: 'x' });
    const a = await joinCommunity(t, ws);
    expect((await a.request('PUT', `/threads/${staffThread.body.id}/bookmark`)).status).toBe(404);
    expect((await a.request('PUT', `/threads/${staffThread.body.id}/follow`)).status).toBe(404);
    expect((await a.request('PUT', `/threads/${staffThread.body.id}/subscribe`)).status).toBe(400);
  });
});
