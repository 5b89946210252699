import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small OAuth 2 server on loopback for tests and journeys (RFC 6749 authorization code with PKCE
 * S256, RFC 7636; refresh tokens; client authentication by HTTP Basic), with the account lookup the
 * "sink-oauth" test network asks for (`GET /api/me`). `/oauth/authorize` approves at once, as
 * `approveAs` (a person who clicks "Allow").
 */
export class LoopbackOAuthServer {
  private server: Server | null = null;
  url = '';
  /** code → what the authorize step granted. */
  readonly codes = new Map<string, { challenge: string; account: string }>();
  readonly tokenRequests: Record<string, string>[] = [];
  refresh: 'ok' | 'invalid_grant' | 'down' = 'ok';
  /** The account the authorize page signs in as; null: the person declines. */
  approveAs: string | null = 'aurora';
  private n = 0;
  private tokens = new Map<string, string>();

  constructor(private readonly client: { clientId: string; clientSecret: string }) {}

  async start() {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const send = (status: number, json: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(json));
        };
        const u = new URL(req.url ?? '/', 'http://loopback');
        if (req.method === 'GET' && u.pathname === '/oauth/authorize') {
          const q = u.searchParams;
          if (q.get('client_id') !== this.client.clientId || q.get('code_challenge_method') !== 'S256') return send(400, { error: 'invalid_request' });
          const back = new URL(q.get('redirect_uri') ?? '');
          if (!this.approveAs) {
            res.writeHead(302, { location: `${back}?${new URLSearchParams({ error: 'access_denied', error_description: 'The user declined to authorize the app.', state: q.get('state') ?? '' })}` });
            return res.end();
          }
          const code = `code-${++this.n}`;
          this.codes.set(code, { challenge: q.get('code_challenge') ?? '', account: this.approveAs });
          res.writeHead(302, { location: `${back}?${new URLSearchParams({ code, state: q.get('state') ?? '' })}` });
          return res.end();
        }
        if (req.method === 'GET' && req.url === '/api/me') {
          const account = this.tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
          return account ? send(200, { id: account, handle: account, displayName: `The ${account}` }) : send(401, { error: 'invalid_token' });
        }
        if (req.method !== 'POST' || req.url !== '/oauth/token') return send(404, { error: 'not_found' });
        const form = Object.fromEntries(new URLSearchParams(body));
        this.tokenRequests.push(form);
        if (req.headers.authorization !== `Basic ${Buffer.from(`${this.client.clientId}:${this.client.clientSecret}`).toString('base64')}`) return send(401, { error: 'invalid_client' });
        if (form.grant_type === 'authorization_code') {
          const grant = this.codes.get(form.code ?? '');
          const challenge = createHash('sha256').update(form.code_verifier ?? '').digest('base64url');
          if (!grant || grant.challenge !== challenge) return send(400, { error: 'invalid_grant', error_description: 'The code or its verifier is not valid.' });
          this.codes.delete(form.code!);
          return send(200, this.issue(grant.account));
        }
        if (form.grant_type === 'refresh_token') {
          if (this.refresh === 'down') return send(503, { error: 'temporarily_unavailable', error_description: 'Maintenance, back soon.' });
          if (this.refresh === 'invalid_grant') return send(400, { error: 'invalid_grant', error_description: 'The refresh token was revoked.' });
          const account = this.tokens.get(`refresh:${form.refresh_token}`);
          return account ? send(200, this.issue(account)) : send(400, { error: 'invalid_grant', error_description: 'Unknown refresh token.' });
        }
        return send(400, { error: 'unsupported_grant_type' });
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  private issue(account: string) {
    const i = ++this.n;
    this.tokens.set(`at-${i}`, account);
    this.tokens.set(`refresh:rt-${i}`, account);
    return { access_token: `at-${i}`, token_type: 'Bearer', expires_in: 3600, refresh_token: `rt-${i}`, scope: 'publish read' };
  }

  stop() {
    return new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
