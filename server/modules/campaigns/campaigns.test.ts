import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles';
import { ApiClient, signUpUser } from '../../test/apiClient';
import { addMember } from '../../test/workspaceMember';
import { startTestTandem, type TestTandem } from '../../test/testServer';

/** Campaigns through HTTP; both databases. */
let t: TestTandem;
let ws: string;
let owner: ApiClient;
let contributor: ApiClient;
const path = (rest = '') => `/api/workspaces/${ws}/campaigns${rest}`;

const member = (roles: Role[]) => addMember(t, ws, roles);

beforeAll(async () => {
  t = await startTestTandem({ ENABLE_SINK_CONNECTOR: 'true' });
  owner = (await signUpUser(t.baseUrl, 'Owner')).client;
  ws = (await owner.post('/api/workspaces', { name: 'Campaigns' })).body.id;
  contributor = await member(['contributor']);
});
afterAll(async () => t?.stop());

describe('campaigns', () => {
  it('creates, lists by name, renames and recolours, with audit entries', async () => {
    const a = await owner.post(path(), { name: '  Summer launch ' });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body).toMatchObject({ name: 'Summer launch', color: 'grape', postCount: 0 });
    const b = await owner.post(path(), { name: 'autumn menu', color: 'orange' });
    expect(b.body.color).toBe('orange');

    const list = await contributor.get(path());
    expect(list.status).toBe(200);
    expect(list.body.campaigns.map((c: { name: string }) => c.name)).toEqual(['autumn menu', 'Summer launch']);

    const renamed = await owner.patch(path(`/${a.body.id}`), { name: 'Summer 2027', color: 'teal' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: a.body.id, name: 'Summer 2027', color: 'teal' });

    const audit = await owner.get(`/api/workspaces/${ws}/audit`);
    const actions = audit.body.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['campaign.created', 'campaign.updated']));
    const upd = audit.body.entries.find((e: { action: string }) => e.action === 'campaign.updated');
    expect(upd.data).toMatchObject({ name: { from: 'Summer launch', to: 'Summer 2027' }, color: { from: 'grape', to: 'teal' } });
  });

  it('refuses a second campaign with the same name (ignoring case) with a clear message', async () => {
    await owner.post(path(), { name: 'Black Friday' });
    const dup = await owner.post(path(), { name: 'black friday' });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'CONFLICT', message: 'There is already a campaign called "Black Friday" in this workspace. Pick another name.' });

    const other = await owner.post(path(), { name: 'Cyber Monday' });
    const clash = await owner.patch(path(`/${other.body.id}`), { name: 'BLACK FRIDAY' });
    expect(clash.status).toBe(409);
    expect(clash.body.error.message).toContain('already a campaign called "Black Friday"');
    // renaming to its own name in another case is fine
    expect((await owner.patch(path(`/${other.body.id}`), { name: 'cyber monday' })).status).toBe(200);
  });

  it('validates names and colours', async () => {
    const empty = await owner.post(path(), { name: '   ' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('Give the campaign a name.');
    const colour = await owner.post(path(), { name: 'Odd colour', color: 'chartreuse' });
    expect(colour.status).toBe(400);
    expect(JSON.stringify(colour.body)).toContain('Pick one of the colours');
    const extra = await owner.post(path(), { name: 'Extra', budget: 100 });
    expect(extra.status).toBe(400);
  });

  it('deletes a campaign and keeps its posts, without a campaign', async () => {
    const ch = await owner.post(`/api/workspaces/${ws}/channels`, { network: 'sink', credentials: { account: `camp${Date.now()}` } });
    const c = await owner.post(path(), { name: 'Short-lived' });
    const p = await owner.post(`/api/workspaces/${ws}/posts`, { text: 'In a campaign', channelIds: [ch.body.id], campaignId: c.body.id });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    expect(p.body.campaignId).toBe(c.body.id);
    const listed = (await owner.get(path())).body.campaigns.find((x: { id: string }) => x.id === c.body.id);
    expect(listed.postCount).toBe(1);

    const del = await owner.delete(path(`/${c.body.id}`));
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ ok: true, postsDetached: 1 });
    const after = await owner.get(`/api/workspaces/${ws}/posts/${p.body.id}`);
    expect(after.status).toBe(200);
    expect(after.body.campaignId).toBeNull();
    expect((await owner.get(path())).body.campaigns.some((x: { id: string }) => x.id === c.body.id)).toBe(false);
    const audit = await owner.get(`/api/workspaces/${ws}/audit`);
    expect(audit.body.entries.find((e: { action: string }) => e.action === 'campaign.deleted').data).toMatchObject({ name: 'Short-lived', postsDetached: 1 });
    expect((await owner.delete(path(`/${c.body.id}`))).status).toBe(404);
  });

  it('lets contributors read but not manage, and hides other workspaces’ campaigns', async () => {
    expect((await contributor.post(path(), { name: 'Mine' })).status).toBe(403);
    const other = (await signUpUser(t.baseUrl, 'Elsewhere')).client;
    const otherWs = (await other.post('/api/workspaces', { name: 'Other' })).body.id;
    const theirs = await other.post(`/api/workspaces/${otherWs}/campaigns`, { name: 'Summer 2027' });
    expect(theirs.status).toBe(201); // names are unique per workspace, not globally
    expect((await owner.patch(path(`/${theirs.body.id}`), { name: 'Stolen' })).status).toBe(404);
    expect((await owner.delete(path(`/${theirs.body.id}`))).status).toBe(404);
    expect((await owner.get(path())).body.campaigns.some((x: { id: string }) => x.id === theirs.body.id)).toBe(false);
  });
});
