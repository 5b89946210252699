import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Mastodon instance on loopback for journeys, in the documented shapes of the calls a sign-in makes
 * (docs.joinmastodon.org, Mastodon 4.x): POST /api/v1/apps registers an app; GET /oauth/authorize
 * approves at once (a person who clicks "Authorize") and sends the browser back with a code;
 * POST /oauth/token exchanges it; then GET /api/v1/accounts/verify_credentials and /api/v2/instance.
 */
export class LoopbackMastodon {
  private server: Server | null = null;
  url = '';
  readonly apps: { client_name?: string; redirect_uris?: string }[] = [];
  private codes = new Set<string>();
  private n = 0;

  constructor(private readonly account = { id: '109302', username: 'bakery', display_name: 'Bakery on Mastodon' }) {}

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
        const json = () => (body ? (JSON.parse(body) as Record<string, string>) : {});
        if (req.method === 'POST' && u.pathname === '/api/v1/apps') {
          const app = json();
          this.apps.push(app);
          return send(200, { id: String(this.apps.length), name: app.client_name, website: app.website ?? null, redirect_uri: app.redirect_uris, client_id: `client-${this.apps.length}`, client_secret: `secret-${this.apps.length}`, vapid_key: 'BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=' });
        }
        if (req.method === 'GET' && u.pathname === '/oauth/authorize') {
          const code = `code-${++this.n}`;
          this.codes.add(code);
          res.writeHead(302, { location: `${u.searchParams.get('redirect_uri')}?${new URLSearchParams({ code, state: u.searchParams.get('state') ?? '' })}` });
          return res.end();
        }
        if (req.method === 'POST' && u.pathname === '/oauth/token') {
          const form = json();
          if (!this.codes.delete(form.code ?? '') || !form.client_id?.startsWith('client-')) return send(400, { error: 'invalid_grant', error_description: 'The provided authorization grant is invalid.' });
          return send(200, { access_token: `token-${form.code}`, token_type: 'Bearer', scope: 'read write', created_at: Math.floor(Date.now() / 1000) });
        }
        if (req.method === 'GET' && u.pathname === '/api/v1/accounts/verify_credentials') {
          if (!req.headers.authorization?.startsWith('Bearer token-')) return send(401, { error: 'The access token is invalid' });
          return send(200, { ...this.account, acct: this.account.username, locked: false, bot: false, created_at: '2022-11-08T00:00:00.000Z', note: '', url: `${this.url}/@${this.account.username}`, avatar: `${this.url}/avatar.png`, avatar_static: `${this.url}/avatar.png`, header: `${this.url}/header.png`, header_static: `${this.url}/header.png`, followers_count: 12, following_count: 3, statuses_count: 40, last_status_at: '2026-11-22', emojis: [], fields: [] });
        }
        if (req.method === 'GET' && u.pathname === '/api/v2/instance') return send(404, { error: 'Record not found' });
        return send(404, { error: 'Record not found' });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop() {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
