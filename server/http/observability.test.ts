import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import pino from 'pino';
import { loggerOptions } from '../logger';
import { ApiClient, signUpUser } from '../test/apiClient';
import { startTestTandem, type TestTandem } from '../test/testServer';
import { testDbKind } from '../test/testDatabase';

let t: TestTandem;
beforeAll(async () => {
  t = await startTestTandem({ BODY_LIMIT_BYTES: '2048' });
});
afterAll(async () => t?.stop());

describe('operations surface', () => {
  it('answers /health, /ready and Prometheus /metrics', async () => {
    expect((await fetch(`${t.baseUrl}/health`)).status).toBe(200);
    expect(await (await fetch(`${t.baseUrl}/ready`)).json()).toEqual({ status: 'ready' });
    await fetch(`${t.baseUrl}/api/me`);
    const metrics = await (await fetch(`${t.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/tandem_http_requests_total\{method="GET",route="\/api\/me",status="401"\} \d+/);
    expect(metrics).toMatch(/^tandem_realtime_subscriptions 0$/m);
  });

  it('serves an OpenAPI document covering the routes, and a reference page', async () => {
    const doc = await (await fetch(`${t.baseUrl}/api/openapi.json`)).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/auth/signin', '/api/workspaces/{workspaceId}/members', '/api/workspaces/{workspaceId}/tokens', '/api/workspaces/{workspaceId}/audit']) expect(Object.keys(doc.paths)).toContain(path);
    expect(doc.paths['/api/auth/signup'].post.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['email', 'password', 'name']));
    const page = await fetch(`${t.baseUrl}/api/docs/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/swagger/i);
  });

  it('answers unknown API paths and oversized bodies with the error shape', async () => {
    const missing = await new ApiClient(t.baseUrl).get('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    const big = await new ApiClient(t.baseUrl).post('/api/auth/signin', { email: 'a@b.c', password: 'x'.repeat(5000) });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('sends security headers', async () => {
    const res = await fetch(`${t.baseUrl}/health`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
  });

  it('never writes secrets to the logs', () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, cb) { lines.push(String(chunk)); cb(); } });
    const logger = pino(loggerOptions('info'), sink);
    logger.info({ req: { headers: { authorization: 'Bearer tdm_secret', cookie: 'tandem_session=abc' } }, body: { password: 'hunter22hunter', token: 'tok' }, user: { totp: '123456' } }, 'x');
    const out = lines.join('');
    for (const secret of ['tdm_secret', 'tandem_session=abc', 'hunter22hunter', '"tok"', '123456']) expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });

  it('stores only hashes of session cookies and API tokens', async () => {
    const { client } = await signUpUser(t.baseUrl);
    const ws = (await client.post('/api/workspaces', { name: 'Hashes' })).body;
    const tok = (await client.post(`/api/workspaces/${ws.id}/tokens`, { name: 'ci', scopes: ['workspace:read'] })).body.token as string;
    const { sql } = await import('drizzle-orm');
    const r = await t.database.db.execute(sql`SELECT token_hash FROM api_tokens UNION ALL SELECT token_hash FROM sessions`);
    const stored = JSON.stringify(Array.isArray(r) ? r : (r as { rows: unknown[] }).rows);
    expect(stored).not.toContain(tok);
    expect(stored).toContain('token_hash');
  });
});

describe.runIf(testDbKind() === 'postgres')('when PostgreSQL closes idle connections', () => {
  it('keeps running and serving', async () => {
    const { sql } = await import('drizzle-orm');
    await fetch(`${t.baseUrl}/ready`);
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: t.database.connectionString });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = $1', ['idle']);
    await admin.end();
    await new Promise((r) => setTimeout(r, 300));
    expect((await fetch(`${t.baseUrl}/ready`)).status).toBe(200);
    expect(await t.database.db.execute(sql`SELECT 1`)).toBeTruthy();
  });
});
