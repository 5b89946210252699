import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureServer } from '../test/fixtureServer';
import { PublishError, type ChannelAuth, type ChannelCapabilities, type ConnectorContext } from '../types';
import { oauthApp, oauthAppVariables } from './app';
import { accessTokenKeeper } from './fresh';
import { exchangeCode, refreshTokens, tokenUrl, type TokenEndpoint } from './tokens';

const server = new FixtureServer();
beforeAll(() => server.start());
afterAll(() => server.stop());

const caps = { network: 'sink-net', displayName: 'Sink', oauth: { authorizeUrl: 'https://sink.example/authorize', tokenUrl: 'https://sink.example/v9/oauth/token/', scopes: [], pkce: true } } as unknown as ChannelCapabilities;
const endpoint = (over: Partial<TokenEndpoint> = {}): TokenEndpoint => ({
  capabilities: caps,
  clientAuth: 'form',
  defaultExpiresIn: 3600,
  classify: (status, _h, body) => new PublishError(status >= 500 ? 'transient' : 'rejected', String(body.error_description ?? body.error ?? status)),
  ...over,
});
const ctxWith = (auth: ChannelAuth, app: ConnectorContext['oauthClient'] = { clientId: 'cid', clientSecret: 'sec' }): ConnectorContext => ({ auth, baseUrl: server.url, oauthClient: app, onAuthRefreshed: async () => {} });
const fail = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as PublishError);
const token = (status: number, body: object) => server.load({ source: 'RFC 6749 §5', exchanges: [{ match: { method: 'POST', path: '/v9/oauth/token/' }, response: { status, body } }] });

describe('the OAuth app from configuration', () => {
  it('names the variables the operator sets, the way the server reads them', () => {
    expect(oauthAppVariables('discord-webhook')).toEqual({ clientId: 'OAUTH_DISCORD_WEBHOOK_CLIENT_ID', clientSecret: 'OAUTH_DISCORD_WEBHOOK_CLIENT_SECRET' });
  });

  it('is auth_expired when missing, naming only what is missing', () => {
    expect(() => oauthApp({ ...ctxWith({}), oauthClient: undefined }, caps, { secret: true })).toThrow(/set OAUTH_SINK_NET_CLIENT_ID and OAUTH_SINK_NET_CLIENT_SECRET/);
    expect(() => oauthApp(ctxWith({}, { clientId: 'cid', clientSecret: '' }), caps, { secret: true })).toThrow(/set OAUTH_SINK_NET_CLIENT_SECRET\)/);
    expect(oauthApp(ctxWith({}, { clientId: 'cid', clientSecret: '' }), caps, { secret: false })).toEqual({ clientId: 'cid', clientSecret: '' });
  });
});

describe('token endpoints', () => {
  it('a base address keeps the endpoint path', () => {
    expect(tokenUrl(endpoint())).toBe('https://sink.example/v9/oauth/token/');
    expect(tokenUrl(endpoint(), 'http://127.0.0.1:9/')).toBe('http://127.0.0.1:9/v9/oauth/token/');
  });

  it('sends the app in the form under its name, or as HTTP Basic, and keeps the fields asked for', async () => {
    token(200, { access_token: 'a', refresh_token: 'r', expires_in: 60, refresh_expires_in: 120, scope: 's', open_id: 'o' });
    const auth = await exchangeCode(endpoint({ clientIdParam: 'client_key', keep: { open_id: 'openId' } }), { code: 'c', redirectUri: 'http://x/cb', clientId: 'cid', clientSecret: 'sec', codeVerifier: 'v', baseUrl: server.url });
    expect(new URLSearchParams(server.received[0]!.body).toString()).toBe('grant_type=authorization_code&code=c&redirect_uri=http%3A%2F%2Fx%2Fcb&code_verifier=v&client_key=cid&client_secret=sec');
    expect(auth).toMatchObject({ accessToken: 'a', refreshToken: 'r', scope: 's', openId: 'o' });
    expect(Date.parse(auth.refreshExpiresAt!) - Date.parse(auth.expiresAt!)).toBe(60_000);
    token(200, { access_token: 'a2', expires_in: 60 });
    const fresh = await refreshTokens(endpoint({ clientAuth: 'basic', headers: { 'user-agent': 'tandem-test' } }), ctxWith({ accessToken: 'a', refreshToken: 'r', clientSecret: 'stored', keep: 'me' }));
    expect(server.received[0]!.headers.authorization).toBe(`Basic ${Buffer.from('cid:sec').toString('base64')}`);
    expect(server.received[0]!.headers['user-agent']).toBe('tandem-test');
    expect(server.received[0]!.body).toBe('grant_type=refresh_token&refresh_token=r');
    expect(fresh).toEqual({ accessToken: 'a2', expiresAt: fresh.expiresAt, refreshToken: 'r', keep: 'me' });
  });

  it('a refused code is rejected, a refused refresh auth_expired (also when HTTP 200 carries the error); waits stay waits', async () => {
    const signIn = () => exchangeCode(endpoint(), { code: 'c', redirectUri: 'http://x/cb', clientId: 'cid', clientSecret: 'sec', baseUrl: server.url });
    token(400, { error: 'invalid_grant', error_description: 'Code expired.' });
    expect(await fail(signIn())).toMatchObject({ kind: 'rejected', message: 'Sink refused the authorization code: Code expired.' });
    token(200, { error: 'invalid_grant', error_description: 'Refresh token revoked.' });
    expect(await fail(refreshTokens(endpoint(), ctxWith({ refreshToken: 'r' })))).toMatchObject({ kind: 'auth_expired', message: 'Sink refused to renew the sign-in: Refresh token revoked.' });
    token(503, { error: 'temporarily_unavailable' });
    expect(await fail(refreshTokens(endpoint(), ctxWith({ refreshToken: 'r' })))).toMatchObject({ kind: 'transient' });
    expect(await fail(refreshTokens(endpoint(), { ...ctxWith({ refreshToken: 'r' }), baseUrl: 'http://127.0.0.1:9' }))).toMatchObject({ kind: 'transient', message: expect.stringContaining('Sink could not be reached') });
    server.load({ source: 'none', exchanges: [] });
    expect(await fail(refreshTokens(endpoint(), ctxWith({ accessToken: 'a' })))).toMatchObject({ kind: 'auth_expired', message: expect.stringContaining('no refresh token') });
    expect(server.received).toEqual([]);
  });
});

describe('the access token to use now', () => {
  it('is refreshed once per context when it expires within a minute, and reported', async () => {
    let refreshes = 0;
    const fresh = accessTokenKeeper('Sink', async (ctx) => ({ ...ctx.auth, accessToken: `new-${++refreshes}`, expiresAt: new Date(Date.now() + 3_600_000).toISOString() }));
    const reported: ChannelAuth[] = [];
    const ctx: ConnectorContext = { auth: { accessToken: 'old', refreshToken: 'r', expiresAt: new Date(Date.now() + 30_000).toISOString() }, onAuthRefreshed: async (a) => void reported.push(a) };
    expect(await fresh(ctx)).toBe('new-1');
    expect(await fresh(ctx)).toBe('new-1');
    expect(reported).toHaveLength(1);
    expect(await fresh({ ...ctx, auth: { accessToken: 'kept', expiresAt: '2099-01-01T00:00:00Z' } })).toBe('kept');
    expect(await fail(fresh({ ...ctx, auth: {} }))).toMatchObject({ kind: 'auth_expired' });
  });
});
