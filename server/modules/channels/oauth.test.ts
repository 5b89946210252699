import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, oauthStates } from '../../db/schema';
import { ApiClient, signUpUser } from '../../test/apiClient';
import { LoopbackOAuthServer } from '../../test/loopbackOAuth';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { addMember } from '../../test/workspaceMember';
import { until } from '../../test/until';
import { configureConnectors } from './connectors';
import { refreshTokens } from './jobs/refreshTokens';

/**
 * The OAuth 2 connect flow and token refresh over HTTP, against a small OAuth 2 server on loopback
 * (RFC 6749 + PKCE S256, RFC 7636) that the "sink-oauth" test network signs in with. Both databases.
 */
let t: TestTandem;
let ws: string;
let owner: ApiClient;
let contributor: { client: ApiClient };
const oauth = new LoopbackOAuthServer({ clientId: 'tandem-test', clientSecret: 's3cret' });

beforeAll(async () => {
  await oauth.start();
  t = await startTestTandem({ ENABLE_SINK_CONNECTOR: 'true', OAUTH_SINK_OAUTH_CLIENT_ID: 'tandem-test', OAUTH_SINK_OAUTH_CLIENT_SECRET: 's3cret', LINK_PREVIEW_PRIVATE_HOSTS: 'true' });
  owner = (await signUpUser(t.baseUrl, 'Owner')).client;
  ws = (await owner.post('/api/workspaces', { name: 'OAuth' })).body.id;
  contributor = { client: await addMember(t, ws, ['contributor']) };
});
afterAll(async () => {
  await t?.stop();
  await oauth.stop();
});

/** The browser's trip: start, "approve" on the network (a code bound to the PKCE challenge), come back to the callback. */
async function signIn(account: string, body: Record<string, unknown> = {}) {
  const start = await owner.post(`/api/workspaces/${ws}/channels/oauth/sink-oauth/start`, { fields: { server: oauth.url }, ...body });
  expect(start.status, JSON.stringify(start.body)).toBe(200);
  const url = new URL(start.body.authorizeUrl);
  const code = `code-${account}-${Math.random().toString(36).slice(2)}`;
  oauth.codes.set(code, { challenge: url.searchParams.get('code_challenge')!, account });
  const back = await callback({ code, state: url.searchParams.get('state')! });
  return { url, back, state: url.searchParams.get('state')! };
}

async function callback(q: Record<string, string>) {
  const res = await fetch(`${t.baseUrl}/api/oauth/callback?${new URLSearchParams(q)}`, { redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

const channelsPage = () => `${t.ctx.publicUrl}/w/${ws}/settings/channels`;
const channelRow = async (id: string) => (await t.database.db.select().from(channels).where(eq(channels.id, id)))[0]!;

describe('OAuth 2 connect flow', () => {
  it('tells the web which OAuth networks are set up, and what an operator must set for the others', async () => {
    const networks = (await owner.get('/api/networks')).body.networks as { network: string; auth: string; oauth: { configured: boolean; missing: string[] } | null }[];
    expect(networks.find((n) => n.network === 'sink-oauth')).toMatchObject({ auth: 'oauth2_pkce', oauth: { configured: true, missing: [] } });
    expect(networks.find((n) => n.network === 'sink')).toMatchObject({ auth: 'access_token', oauth: null });
  });

  it('builds the authorize URL with a one-time state, PKCE S256 and our callback, and stores only the state\'s hash', async () => {
    const start = await owner.post(`/api/workspaces/${ws}/channels/oauth/sink-oauth/start`, { baseUrl: oauth.url });
    const url = new URL(start.body.authorizeUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${oauth.url}/oauth/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ response_type: 'code', client_id: 'tandem-test', redirect_uri: `${t.ctx.publicUrl}/api/oauth/callback`, scope: 'publish read', code_challenge_method: 'S256' });
    const state = url.searchParams.get('state')!;
    expect(state.length).toBeGreaterThanOrEqual(40);
    const rows = await t.database.db.select().from(oauthStates).where(eq(oauthStates.stateHash, createHash('sha256').update(state).digest('hex')));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.codeVerifierSealed).toMatch(/^v1\./);
    expect(JSON.stringify(rows)).not.toContain(state);
    const minutes = (rows[0]!.expiresAt.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(9);
    expect(minutes).toBeLessThanOrEqual(10);
  });

  it('connects the account: the code and verifier go to the token endpoint, the browser lands on the channels page', async () => {
    const { back, state } = await signIn('aurora');
    expect(back.status).toBe(303);
    const landed = new URL(back.location!);
    expect(`${landed.origin}${landed.pathname}`).toBe(channelsPage());
    const id = landed.searchParams.get('connected')!;
    const tokenCall = oauth.tokenRequests.at(-1)!;
    expect(tokenCall).toMatchObject({ grant_type: 'authorization_code', redirect_uri: `${t.ctx.publicUrl}/api/oauth/callback` });
    expect(tokenCall.code_verifier!.length).toBeGreaterThanOrEqual(43);

    const list = (await owner.get(`/api/workspaces/${ws}/channels`)).body.channels as Record<string, unknown>[];
    const c = list.find((x) => x.id === id)!;
    expect(c).toMatchObject({ network: 'sink-oauth', accountHandle: 'aurora', status: 'connected', lastError: null, rateLimitedUntil: null });
    expect(new Date(c.authExpiresAt as string).getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(c.lastOkAt).toBeTruthy();
    // Credentials never leave the server, in any shape.
    expect(JSON.stringify(list)).not.toMatch(/at-\d|rt-\d|accessToken|refreshToken|authSealed|s3cret/);

    // The state works once.
    const again = await callback({ code: 'whatever', state });
    expect(again.status).toBe(400);
    expect(again.text).toMatch(/not valid any more/);
  });

  it('lands on the channels page with a reason when the person declines, the state expired, or the network refuses the code', async () => {
    const declined = await owner.post(`/api/workspaces/${ws}/channels/oauth/sink-oauth/start`, { baseUrl: oauth.url });
    const state1 = new URL(declined.body.authorizeUrl).searchParams.get('state')!;
    const r1 = new URL((await callback({ state: state1, error: 'access_denied', error_description: 'The user said no.' })).location!);
    expect(Object.fromEntries(r1.searchParams)).toEqual({ oauthError: 'denied', network: 'sink-oauth', detail: 'The user said no.' });

    const late = await owner.post(`/api/workspaces/${ws}/channels/oauth/sink-oauth/start`, { baseUrl: oauth.url });
    const state2 = new URL(late.body.authorizeUrl).searchParams.get('state')!;
    await t.database.db.update(oauthStates).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(oauthStates.stateHash, createHash('sha256').update(state2).digest('hex')));
    expect(new URL((await callback({ state: state2, code: 'x' })).location!).searchParams.get('oauthError')).toBe('expired');

    const bad = await owner.post(`/api/workspaces/${ws}/channels/oauth/sink-oauth/start`, { baseUrl: oauth.url });
    const state3 = new URL(bad.body.authorizeUrl).searchParams.get('state')!;
    const r3 = new URL((await callback({ state: state3, code: 'never-issued' })).location!);
    expect(r3.searchParams.get('oauthError')).toBe('refused');
    expect(r3.searchParams.get('detail')).toBe('invalid_grant: The code or its verifier is not valid.');
  });

  it('refuses to start for roles that do not manage channels, for networks without OAuth, and without the operator\'s app', async () => {
    expect((await contributor.client.post(`/api/workspaces/${ws}/channels/oauth/sink-oauth/start`, { baseUrl: oauth.url })).status).toBe(403);
    const plain = await owner.post(`/api/workspaces/${ws}/channels/oauth/sink/start`, {});
    expect(plain.status).toBe(400);
    expect(plain.body.error.message).toMatch(/does not sign in with OAuth/);
    const noServer = await owner.post(`/api/workspaces/${ws}/channels/oauth/sink-oauth/start`, {});
    expect(noServer.status).toBe(400);
    const stray = await owner.post(`/api/workspaces/${ws}/channels/oauth/sink-oauth/start`, { fields: { server: oauth.url, password: 'x' } });
    expect(stray.status).toBe(400);
    expect(stray.body.error.message).toMatch(/no field password/);
    const notUrl = await owner.post(`/api/workspaces/${ws}/channels/oauth/sink-oauth/start`, { fields: { server: 'not a url' } });
    expect(notUrl.status).toBe(400);

    const bare = await startTestTandem({ ENABLE_SINK_CONNECTOR: 'true', LINK_PREVIEW_PRIVATE_HOSTS: 'true' });
    try {
      const o = (await signUpUser(bare.baseUrl, 'Owner')).client;
      const w = (await o.post('/api/workspaces', { name: 'Bare' })).body.id;
      const nets = (await o.get('/api/networks')).body.networks as { network: string; oauth: unknown }[];
      expect(nets.find((n) => n.network === 'sink-oauth')!.oauth).toEqual({ configured: false, missing: ['OAUTH_SINK_OAUTH_CLIENT_ID'] }); // a PKCE client may be public: no secret needed
      const res = await o.post(`/api/workspaces/${w}/channels/oauth/sink-oauth/start`, { baseUrl: oauth.url });
      expect(res.status).toBe(503);
      expect(res.body.error.message).toMatch(/register an app .* and set OAUTH_SINK_OAUTH_CLIENT_ID, then restart/);
    } finally {
      // Each Tandem start configures the process's connectors: give this file's server its settings back.
      await bare.stop();
      configureConnectors({ sink: true, networks: { oauth: { 'sink-oauth': { clientId: 'tandem-test', clientSecret: 's3cret' } }, webhooks: {} } });
    }
  });

  it('reconnects a channel through OAuth (same account only)', async () => {
    const { back } = await signIn('bakery');
    const id = new URL(back.location!).searchParams.get('connected')!;
    await t.database.db.update(channels).set({ status: 'needs_reconnect', lastError: 'revoked' }).where(eq(channels.id, id));
    const other = await signIn('someone-else', { channelId: id });
    expect(new URL(other.back.location!).searchParams.get('oauthError')).toBe('other_account');
    const same = await signIn('bakery', { channelId: id });
    expect(new URL(same.back.location!).searchParams.get('connected')).toBe(id);
    expect((await channelRow(id)).status).toBe('connected');
  });
});

describe('token refresh', () => {
  let id: string;
  beforeAll(async () => {
    const { back } = await signIn('refreshing');
    id = new URL(back.location!).searchParams.get('connected')!;
  });
  const auth = async () => JSON.parse(t.ctx.secrets.open((await channelRow(id)).authSealed)) as Record<string, string>;
  const expireSoon = () => t.database.db.update(channels).set({ authExpiresAt: new Date(Date.now() + 5 * 60_000) }).where(eq(channels.id, id));

  it('renews tokens that expire within 15 minutes and stores the new ones with their expiry', async () => {
    const before = await auth();
    await expireSoon();
    oauth.refresh = 'ok';
    await t.jobs.enqueue(t.database.db, refreshTokens, { channelId: id });
    const row = await until('the token to be renewed', async () => {
      const r = await channelRow(id);
      return r.authExpiresAt!.getTime() > Date.now() + 50 * 60_000 && r;
    });
    const after = await auth();
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(row.status).toBe('connected');
    expect(oauth.tokenRequests.at(-1)).toMatchObject({ grant_type: 'refresh_token', refresh_token: before.refreshToken });
  });

  it('keeps the channel connected through a transient failure, recording the network\'s words', async () => {
    await expireSoon();
    oauth.refresh = 'down';
    await t.jobs.enqueue(t.database.db, refreshTokens, { channelId: id });
    const row = await until('the failure to be recorded', async () => {
      const r = await channelRow(id);
      return r.lastError?.includes('Maintenance') && r;
    });
    expect(row.status).toBe('connected');
    expect(row.lastErrorAt).toBeTruthy();
  });

  it('asks for reconnection when the network refuses the refresh, and tells the channel managers once', async () => {
    await expireSoon();
    oauth.refresh = 'invalid_grant';
    await t.jobs.enqueue(t.database.db, refreshTokens, { channelId: id });
    const row = await until('the channel to need reconnecting', async () => {
      const r = await channelRow(id);
      return r.status === 'needs_reconnect' && r;
    });
    expect(row.lastError).toBe('invalid_grant: The refresh token was revoked.');
    const mine = (await owner.get(`/api/workspaces/${ws}/notifications`)).body.notifications as { kind: string; payload: Record<string, string> }[];
    const n = mine.filter((x) => x.kind === 'channel.needs_reconnect' && x.payload.channelId === id);
    expect(n).toHaveLength(1);
    expect(n[0]!.payload).toMatchObject({ channelName: 'The refreshing', network: 'sink-oauth', message: 'invalid_grant: The refresh token was revoked.' });
    const theirs = (await contributor.client.get(`/api/workspaces/${ws}/notifications`)).body.notifications as { kind: string }[];
    expect(theirs.some((x) => x.kind === 'channel.needs_reconnect')).toBe(false);
    // A channel that needs reconnecting is not refreshed again.
    await t.jobs.enqueue(t.database.db, refreshTokens, { channelId: id });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await owner.get(`/api/workspaces/${ws}/notifications`)).body.notifications.filter((x: { kind: string }) => x.kind === 'channel.needs_reconnect')).toHaveLength(1);
  });
});
