import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAT_KPIS } from '../../../shared/roles';
import { ApiClient, signUpUser } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';

let t: TestTandem;
beforeAll(async () => {
  t = await startTestTandem();
});
afterAll(async () => t?.stop());

async function inviteLink(to: string) {
  for (let i = 0; i < 100; i++) {
    const mail = (await t.ctx.mailer.outbox())?.find((e) => e.to === to);
    if (mail) return /token=([\w-]+)/.exec(mail.text)![1]!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no invitation email');
}

describe('workspaces', () => {
  it('creates, lists, renames; the creator is owner and marketing manager', async () => {
    const { client } = await signUpUser(t.baseUrl);
    const created = await client.post('/api/workspaces', { name: '  Caffè Aurora ', timeZone: 'Europe/Rome' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Caffè Aurora', timeZone: 'Europe/Rome', roles: ['owner', 'marketing_manager'], hat: 'marketing_manager' });
    const list = await client.get('/api/workspaces');
    expect(list.body.workspaces.map((w: { id: string }) => w.id)).toEqual([created.body.id]);
    const renamed = await client.patch(`/api/workspaces/${created.body.id}`, { name: 'Aurora Roasters' });
    expect(renamed.body.name).toBe('Aurora Roasters');
    expect((await client.patch(`/api/workspaces/${created.body.id}`, { timeZone: 'Mars/Olympus' })).body.error.code).toBe('VALIDATION_FAILED');
    expect((await client.post('/api/workspaces', { name: '' })).status).toBe(400);
  });

  it('switches hat among held roles and the home page follows with the hat’s KPIs', async () => {
    const { client } = await signUpUser(t.baseUrl);
    const ws = (await client.post('/api/workspaces', { name: 'Hats' })).body;
    const home = await client.get(`/api/workspaces/${ws.id}/home`);
    expect(home.body.kpis.map((k: { key: string }) => k.key)).toEqual(HAT_KPIS.marketing_manager);
    expect(home.body.kpis.every((k: { value: unknown }) => k.value === null)).toBe(true);
    expect((await client.put(`/api/workspaces/${ws.id}/hat`, { hat: 'owner' })).body.hat).toBe('owner');
    expect((await client.get(`/api/workspaces/${ws.id}/home`)).body.kpis.map((k: { key: string }) => k.key)).toEqual(HAT_KPIS.owner);
    const refused = await client.put(`/api/workspaces/${ws.id}/hat`, { hat: 'community_manager' });
    expect(refused.status).toBe(403);
    expect((await client.get('/api/me')).body.memberships[0].hat).toBe('owner');
  });
});

describe('invitations and members', () => {
  it('invites by email, the invitee previews, signs up and accepts with several roles', async () => {
    const { client: owner } = await signUpUser(t.baseUrl, 'Marta');
    const ws = (await owner.post('/api/workspaces', { name: 'Team' })).body;
    const email = `giulia${Date.now()}@example.test`;
    const inv = await owner.post(`/api/workspaces/${ws.id}/invitations`, { email, roles: ['community_manager', 'social_media_manager'] });
    expect(inv.status).toBe(201);
    const token = await inviteLink(email);

    const anon = new ApiClient(t.baseUrl);
    const preview = await anon.get(`/api/invitations/preview?token=${token}`);
    expect(preview.body).toMatchObject({ workspaceName: 'Team', email, invitedBy: 'Marta' });

    const wrong = await signUpUser(t.baseUrl, 'Someone else');
    expect((await wrong.client.post('/api/invitations/accept', { token })).status).toBe(403);

    const giulia = new ApiClient(t.baseUrl);
    await giulia.post('/api/auth/signup', { email, password: 'long enough pass', name: 'Giulia' });
    const accepted = await giulia.post('/api/invitations/accept', { token });
    expect(accepted.status).toBe(200);
    expect(accepted.body.roles).toEqual(['community_manager', 'social_media_manager']);
    expect((await giulia.post('/api/invitations/accept', { token })).status).toBe(404);

    const members = await owner.get(`/api/workspaces/${ws.id}/members`);
    expect(members.body.members.map((m: { name: string }) => m.name).sort()).toEqual(['Giulia', 'Marta']);
    const invitations = await owner.get(`/api/workspaces/${ws.id}/invitations`);
    expect(invitations.body.invitations[0].acceptedAt).not.toBeNull();
    expect((await owner.post(`/api/workspaces/${ws.id}/invitations`, { email, roles: ['analyst'] })).status).toBe(409);
  });

  it('changes roles, keeps at least one owner, removes members, and audits it all', async () => {
    const { client: owner, userId: ownerId } = await signUpUser(t.baseUrl, 'Owner');
    const ws = (await owner.post('/api/workspaces', { name: 'Roles' })).body;
    const email = `sara${Date.now()}@example.test`;
    await owner.post(`/api/workspaces/${ws.id}/invitations`, { email, roles: ['contributor'] });
    const sara = new ApiClient(t.baseUrl);
    const saraId = (await sara.post('/api/auth/signup', { email, password: 'long enough pass', name: 'Sara' })).body.user.id;
    await sara.post('/api/invitations/accept', { token: await inviteLink(email) });

    const changed = await owner.patch(`/api/workspaces/${ws.id}/members/${saraId}`, { roles: ['contributor', 'analyst'] });
    expect(changed.body.roles).toEqual(['contributor', 'analyst']);
    const lastOwner = await owner.patch(`/api/workspaces/${ws.id}/members/${ownerId}`, { roles: ['marketing_manager'] });
    expect(lastOwner.status).toBe(409);
    expect((await owner.delete(`/api/workspaces/${ws.id}/members/${ownerId}`)).status).toBe(409);
    expect((await owner.patch(`/api/workspaces/${ws.id}/members/${saraId}`, { roles: [] })).status).toBe(400);
    expect((await owner.delete(`/api/workspaces/${ws.id}/members/${saraId}`)).status).toBe(200);
    expect((await sara.get(`/api/workspaces/${ws.id}`)).status).toBe(404);

    const audit = await owner.get(`/api/workspaces/${ws.id}/audit?limit=100`);
    const actions = audit.body.entries.map((e: { action: string }) => e.action);
    for (const a of ['workspace.created', 'member.invited', 'member.joined', 'member.rolesChanged', 'member.removed', 'auth.signUp']) expect(actions).toContain(a);
    const rolesChange = audit.body.entries.find((e: { action: string }) => e.action === 'member.rolesChanged');
    expect(rolesChange.data).toEqual({ from: ['contributor'], to: ['contributor', 'analyst'] });
  });

  it('pages the audit log and refuses to rewrite it, even from the database', async () => {
    const { client } = await signUpUser(t.baseUrl);
    const ws = (await client.post('/api/workspaces', { name: 'Audited' })).body;
    for (let i = 0; i < 3; i++) await client.patch(`/api/workspaces/${ws.id}`, { name: `Audited ${i}` });
    const first = await client.get(`/api/workspaces/${ws.id}/audit?limit=2`);
    expect(first.body.entries).toHaveLength(2);
    const second = await client.get(`/api/workspaces/${ws.id}/audit?limit=2&before=${first.body.nextBefore}`);
    expect(Number(second.body.entries[0].id)).toBeLessThan(Number(first.body.entries[1].id));
    const { sql } = await import('drizzle-orm');
    const refusal = (q: Promise<unknown>) => q.then(() => 'accepted', (err: Error & { cause?: Error }) => err.cause?.message ?? err.message);
    expect(await refusal(t.database.db.execute(sql`UPDATE audit_log SET action = 'x'`))).toMatch(/append-only/);
    expect(await refusal(t.database.db.execute(sql`DELETE FROM audit_log`))).toMatch(/append-only/);
  });
});
