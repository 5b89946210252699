import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordedBody } from '../../../connectors/mastodon/testing';
import { FixtureServer, type RecordedExchange } from '../../../connectors/test/fixtureServer';
import { channels, oauthApps } from '../../db/schema';
import { ApiClient, signUpUser } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';

/**
 * Signing in to a Mastodon instance with no app configured by the operator: Tandem registers itself
 * on the typed instance (POST /api/v1/apps) the first time, keeps the app per instance with its secret
 * sealed, and exchanges the code with it (POST /oauth/token). The instance is a loopback server
 * answering in the documented shapes. Both databases.
 */
const instance = new FixtureServer();
const refusing = new FixtureServer();
let t: TestTandem;
let ws: string;
let owner: ApiClient;

beforeAll(async () => {
  await instance.start();
  await refusing.start();
  t = await startTestTandem({ LINK_PREVIEW_PRIVATE_HOSTS: 'true' });
  owner = (await signUpUser(t.baseUrl, 'Owner')).client;
  ws = (await owner.post('/api/workspaces', { name: 'Fediverse' })).body.id;
});
afterAll(async () => {
  await t?.stop();
  await instance.stop();
  await refusing.stop();
});

const answer = (server: FixtureServer, exchanges: RecordedExchange[]) => server.load({ source: 'docs.joinmastodon.org/methods/apps/#create, /methods/oauth/#token (Mastodon 4.x)', exchanges });
const callbackUri = () => `${t.ctx.publicUrl}/api/oauth/callback`;
const start = () => owner.post(`/api/workspaces/${ws}/channels/oauth/mastodon/start`, { fields: { instance: instance.url } });

describe('Mastodon sign-in with an app registered per instance', () => {
  it('needs no operator configuration', async () => {
    const networks = (await owner.get('/api/networks')).body.networks as { network: string; auth: string; oauth: unknown }[];
    expect(networks.find((n) => n.network === 'mastodon')).toMatchObject({ auth: 'access_token', oauth: { configured: true, missing: [] } });
  });

  it('registers Tandem on the instance once, seals the secret, and sends the browser to the instance', async () => {
    answer(instance, [
      {
        match: { method: 'POST', path: '/api/v1/apps', bodyIncludes: ['"client_name":"Tandem"', `"redirect_uris":"${callbackUri()}"`, '"scopes":"read write"'] },
        response: { status: 200, body: { id: '563419', name: 'Tandem', website: t.ctx.publicUrl, redirect_uri: callbackUri(), client_id: 'inst-client-id', client_secret: 'inst-client-secret', vapid_key: 'BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=' } },
      },
    ]);
    const res = await start();
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const url = new URL(res.body.authorizeUrl);
    expect(url.origin + url.pathname).toBe(`${instance.url}/oauth/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ response_type: 'code', client_id: 'inst-client-id', redirect_uri: callbackUri(), scope: 'read write' });
    const [app] = await t.database.db.select().from(oauthApps).where(eq(oauthApps.server, instance.url));
    expect(app).toMatchObject({ network: 'mastodon', clientId: 'inst-client-id', redirectUri: callbackUri() });
    expect(app!.clientSecretSealed).not.toContain('inst-client-secret');
    expect(t.ctx.secrets.open(app!.clientSecretSealed)).toBe('inst-client-secret');

    // A second sign-in on the same instance uses the stored app: nothing is registered again.
    answer(instance, []);
    const again = await start();
    expect(again.status).toBe(200);
    expect(new URL(again.body.authorizeUrl).searchParams.get('client_id')).toBe('inst-client-id');
    expect(instance.received).toHaveLength(0);
  });

  it('exchanges the code with the instance’s app and connects the account', async () => {
    const res = await start();
    const state = new URL(res.body.authorizeUrl).searchParams.get('state')!;
    answer(instance, [
      {
        match: { method: 'POST', path: '/oauth/token', bodyIncludes: ['"grant_type":"authorization_code"', '"code":"the-code"', '"client_id":"inst-client-id"', '"client_secret":"inst-client-secret"', `"redirect_uri":"${callbackUri()}"`] },
        response: { status: 200, body: { access_token: 'ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0', token_type: 'Bearer', scope: 'read write', created_at: 1573979017 } },
      },
      { match: { method: 'GET', path: '/api/v1/accounts/verify_credentials' }, response: { status: 200, body: recordedBody('connect', 0) } },
      { match: { method: 'GET', path: '/api/v2/instance' }, response: { status: 200, body: recordedBody('connect', 1) } },
    ]);
    const back = await fetch(`${t.baseUrl}/api/oauth/callback?${new URLSearchParams({ code: 'the-code', state })}`, { redirect: 'manual' });
    expect(back.status).toBe(303);
    const to = new URL(back.headers.get('location')!);
    const id = to.searchParams.get('connected');
    expect(id, to.toString()).toBeTruthy();
    const [row] = await t.database.db.select().from(channels).where(eq(channels.id, id!));
    expect(row).toMatchObject({ network: 'mastodon', accountId: '109302', workspaceId: ws });
    expect(JSON.parse(t.ctx.secrets.open(row!.authSealed))).toMatchObject({ instance: instance.url, accessToken: 'ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0' });
    expect(instance.received.map((r) => r.headers.authorization)).toContain('Bearer ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0');
    expect(instance.unused()).toEqual([]);
  });

  it('passes an instance’s refusal to register on, and stores nothing', async () => {
    answer(refusing, [{ match: { method: 'POST', path: '/api/v1/apps' }, response: { status: 422, body: { error: 'Validation failed: Redirect URI must be an absolute URI.' } } }]);
    const res = await owner.post(`/api/workspaces/${ws}/channels/oauth/mastodon/start`, { fields: { instance: refusing.url } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(`${refusing.url} did not register Tandem as an app: Validation failed: Redirect URI must be an absolute URI.`);
    expect(await t.database.db.select().from(oauthApps).where(eq(oauthApps.server, refusing.url))).toEqual([]);
  });
});
