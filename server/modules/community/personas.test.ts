import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { addMember } from '../../test/workspaceMember';
import { communityOwner, createSpace, joinCommunity, MemberClient } from './testMembers';

/** Staff posting as a named moderator persona: the public sees the persona with the staff badge, the team sees who wrote it. */
let t: TestTandem;
let ws: string;
let owner: ApiClient;
const OWNER_NAME = 'Caffè Aurora Owner';

beforeAll(async () => {
  t = await startTestTandem();
  ({ owner, workspaceId: ws } = await communityOwner(t, 'Caffè Aurora'));
  await createSpace(owner, ws, { slug: 'chiacchiere' });
});
afterAll(async () => t?.stop());

const personas = (ws2 = ws) => `/api/workspaces/${ws2}/community/personas`;

describe('personas', () => {
  it('are managed by community.manage: create, list, unique names, clear errors', async () => {
    const created = await owner.post(personas(), { name: 'Barista Bot', avatarUrl: 'https://cdn.example/bot.png' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ name: 'Barista Bot', avatarUrl: 'https://cdn.example/bot.png', archived: false });
    const dup = await owner.post(personas(), { name: 'barista bot' });
    expect(dup.status).toBe(409);
    const bad = await owner.post(personas(), { name: 'X', avatarUrl: 'javascript:alert(1)' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details.fields)).toEqual(expect.arrayContaining(['name', 'avatarUrl']));
    expect((await owner.get(personas())).body.personas.map((p: { name: string }) => p.name)).toContain('Barista Bot');

    const smm = await addMember(t, ws, ['social_media_manager']);
    expect((await smm.post(personas(), { name: 'Not allowed' })).status).toBe(403);
    expect((await smm.get(personas())).status).toBe(200);
  });

  it('show the persona with the staff badge to members and visitors, and the writer to the team', async () => {
    const persona = (await owner.post(personas(), { name: 'Moderation Team', avatarUrl: 'https://cdn.example/mod.png' })).body;
    const space = (await owner.get(`/api/workspaces/${ws}/community/spaces`)).body.spaces.find((s: { slug: string }) => s.slug === 'chiacchiere');
    const thread = await owner.post(`/api/workspaces/${ws}/community/spaces/${space.id}/threads`, { title: 'House rules', body: 'Be kind.', personaId: persona.id });
    expect(thread.status, JSON.stringify(thread.body)).toBe(201);
    const asPersona = { kind: 'staff', id: null, displayName: 'Moderation Team', avatarUrl: 'https://cdn.example/mod.png', trustLevel: null, persona: true };
    expect(thread.body.author).toEqual({ ...asPersona, writtenBy: OWNER_NAME });

    const m = await joinCommunity(t, ws);
    const seen = await m.get(`/threads/${thread.body.id}`);
    expect(seen.body.author).toEqual({ ...asPersona, writtenBy: null });
    expect(seen.body.posts[0].author).toEqual({ ...asPersona, writtenBy: null });
    expect(JSON.stringify(seen.body)).not.toContain(OWNER_NAME);
    const visitor = await new MemberClient(t.baseUrl, ws).get('/spaces/chiacchiere');
    const listed = visitor.body.threads.find((x: { id: string }) => x.id === thread.body.id);
    expect(listed.author).toEqual({ ...asPersona, writtenBy: null });
    expect(JSON.stringify(visitor.body)).not.toContain(OWNER_NAME);

    // A member's reply, then a persona reply by another staff member with community.post.
    await m.post(`/threads/${thread.body.id}/replies`, { body: 'Thanks!' });
    const smm = await addMember(t, ws, ['social_media_manager']);
    const reply = await smm.post(`/api/workspaces/${ws}/community/threads/${thread.body.id}/replies`, { body: 'You are welcome.', personaId: persona.id });
    expect(reply.status).toBe(201);
    const team = await owner.get(`/api/workspaces/${ws}/community/threads/${thread.body.id}`);
    expect(team.body.posts.map((p: { author: { displayName: string; writtenBy: string | null } }) => [p.author.displayName, p.author.writtenBy])).toEqual([
      ['Moderation Team', OWNER_NAME],
      ['Member', null],
      ['Moderation Team', 'social_media_manager'],
    ]);
    // Without a persona, staff post under their own name as before.
    const plain = await owner.post(`/api/workspaces/${ws}/community/threads/${thread.body.id}/replies`, { body: 'Me, myself.' });
    expect(plain.body.author).toMatchObject({ displayName: OWNER_NAME, persona: false, writtenBy: null });

    // Renaming shows the new name on its posts; retiring keeps the name but refuses new posts.
    expect((await owner.patch(`${personas()}/${persona.id}`, { name: 'Mods' })).status).toBe(200);
    expect((await m.get(`/threads/${thread.body.id}`)).body.author.displayName).toBe('Mods');
    const retired = await owner.delete(`${personas()}/${persona.id}`);
    expect(retired.body.archived).toBe(true);
    expect((await m.get(`/threads/${thread.body.id}`)).body.author.displayName).toBe('Mods');
    const refused = await owner.post(`/api/workspaces/${ws}/community/threads/${thread.body.id}/replies`, { body: 'Again', personaId: persona.id });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.fields.personaId).toBeTruthy();
    expect((await owner.delete(`${personas()}/${persona.id}`)).status).toBe(404);
  });

  it('are not usable across workspaces, nor by members', async () => {
    const other = await communityOwner(t, 'Altro Bar');
    const foreign = (await other.owner.post(personas(other.workspaceId), { name: 'Altro Mod' })).body;
    const space = (await owner.get(`/api/workspaces/${ws}/community/spaces`)).body.spaces[0];
    const res = await owner.post(`/api/workspaces/${ws}/community/spaces/${space.id}/threads`, { title: 'Sneaky', body: 'x', personaId: foreign.id });
    expect(res.status).toBe(400);
    expect((await owner.patch(`${personas()}/${foreign.id}`, { name: 'Mine now' })).status).toBe(404);
    expect((await owner.get(personas())).body.personas.map((p: { name: string }) => p.name)).not.toContain('Altro Mod');

    const m = await joinCommunity(t, ws);
    const member = await m.post('/spaces/chiacchiere/threads', { title: 'As a mod', body: 'x', personaId: foreign.id });
    expect(member.status).toBe(400);
    expect(member.body.error.code).toBe('VALIDATION_FAILED');
  });
});
