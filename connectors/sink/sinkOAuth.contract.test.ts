import { sinkOAuthConnector, sinkStore } from '.';
import { connectorContract, type ScenarioEnv } from '../test/contract';
import { FixtureServer, type Recording } from '../test/fixtureServer';

/**
 * The OAuth sink's sign-in and refresh speak real HTTP to an OAuth 2 server (RFC 6749 token
 * responses); here a loopback server answers as one would. Everything else is the in-process sink.
 */
const server = new FixtureServer();
let started: Promise<FixtureServer> | null = null;

const oauth: Recording = {
  source: 'RFC 6749 §4.1.3/§5.1 (access token response); GET /api/me is the sink server\'s account lookup',
  exchanges: [
    { match: { method: 'POST', path: '/oauth/token', bodyIncludes: ['grant_type=authorization_code', 'code=recorded-code', 'code_verifier=the-verifier'] }, response: { status: 200, body: { access_token: 'at-1', token_type: 'Bearer', expires_in: 7200, refresh_token: 'rt-1', scope: 'publish read' } } },
    { match: { method: 'GET', path: '/api/me' }, response: { status: 200, body: { id: '42', handle: 'aurora', displayName: 'Caffè Aurora' } } },
  ],
  input: { code: 'recorded-code', codeVerifier: 'the-verifier' },
};

const refresh: Recording = {
  source: 'RFC 6749 §6 (refreshing an access token)',
  exchanges: [{ match: { method: 'POST', path: '/oauth/token', bodyIncludes: ['grant_type=refresh_token', 'refresh_token=rt-1'] }, response: { status: 200, body: { access_token: 'at-2', token_type: 'Bearer', expires_in: 7200, refresh_token: 'rt-2' } } }],
};

connectorContract({
  connector: sinkOAuthConnector,
  async prepare(scenario): Promise<ScenarioEnv | { skip: string }> {
    sinkStore.reset();
    if (scenario !== 'oauth' && scenario !== 'refresh_auth') {
      if (scenario.startsWith('error_')) return { skip: 'the sink contract covers errors' };
      if (['pull_inbound', 'reply', 'hide_comment', 'delete_comment', 'post_metrics', 'webhook'].includes(scenario)) return { skip: 'the sink contract covers these (same methods)' };
      return { ctx: { auth: { account: 'contract' }, onAuthRefreshed: async () => {} }, finish: () => {} };
    }
    await (started ??= server.start());
    const recording = scenario === 'oauth' ? oauth : refresh;
    server.load(recording);
    return {
      ctx: { auth: { account: 'aurora', accessToken: 'at-1', refreshToken: 'rt-1', server: server.url }, baseUrl: server.url, oauthClient: { clientId: 'tandem-client', clientSecret: 'tandem-secret' }, onAuthRefreshed: async () => {} },
      recording,
      finish: () => {
        if (server.unexpected().length || server.unused().length) throw new Error(`unexpected ${JSON.stringify(server.unexpected())} / unused ${JSON.stringify(server.unused())}`);
      },
    };
  },
  close: () => server.stop(),
});
