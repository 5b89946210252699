import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticator } from 'otplib';
import { ApiClient, signUpUser } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';

let t: TestTandem;
beforeAll(async () => {
  t = await startTestTandem();
});
afterAll(async () => t?.stop());

async function waitForEmail(to: string, subjectPart: string) {
  for (let i = 0; i < 100; i++) {
    const box = await t.ctx.mailer.outbox();
    const found = box?.find((e) => e.to === to && e.subject.includes(subjectPart));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no email to ${to}`);
}

describe('sign up, sign in, sign out', () => {
  it('signs up, reads /api/me with the session cookie, signs out', async () => {
    const { client, email } = await signUpUser(t.baseUrl, 'Giulia');
    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email, name: 'Giulia', locale: 'en', totpEnabled: false });
    expect(me.body.user.passwordHash).toBeUndefined();
    expect((await client.post('/api/auth/signout')).status).toBe(200);
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('sets an HttpOnly, SameSite session cookie', async () => {
    const res = await fetch(`${t.baseUrl}/api/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `c${Date.now()}@example.test`, password: 'long enough pass', name: 'C' }) });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('refuses a duplicate email, a short password and unknown fields with readable errors', async () => {
    const { email } = await signUpUser(t.baseUrl);
    const c = new ApiClient(t.baseUrl);
    const dup = await c.post('/api/auth/signup', { email: email.toUpperCase(), password: 'another long one', name: 'X' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('CONFLICT');
    const short = await c.post('/api/auth/signup', { email: 'x@example.test', password: 'short', name: 'X' });
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('VALIDATION_FAILED');
    expect(short.body.error.details.fields.password).toMatch(/10 characters/);
    const extra = await c.post('/api/auth/signup', { email: 'y@example.test', password: 'long enough pass', name: 'Y', admin: true });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toMatch(/admin/);
  });

  it('rejects a wrong password without saying whether the email exists', async () => {
    const { email } = await signUpUser(t.baseUrl);
    const c = new ApiClient(t.baseUrl);
    const wrong = await c.post('/api/auth/signin', { email, password: 'not the password' });
    const unknown = await c.post('/api/auth/signin', { email: 'nobody@example.test', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('refuses cookie-authenticated writes without the CSRF token', async () => {
    const { client } = await signUpUser(t.baseUrl);
    const csrf = client.csrf;
    client.csrf = '';
    const res = await client.post('/api/workspaces', { name: 'No token' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF_FAILED');
    client.csrf = csrf;
    expect((await client.post('/api/workspaces', { name: 'With token' })).status).toBe(201);
  });

  it('rate-limits sign-in attempts', async () => {
    const limited = await startTestTandem({ LOGIN_MAX_PER_MINUTE: '3' });
    try {
      const c = new ApiClient(limited.baseUrl);
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await c.post('/api/auth/signin', { email: 'a@example.test', password: 'whatever it is' })).status);
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      expect(codes[4]).toBe(429);
      const last = await c.post('/api/auth/signin', { email: 'a@example.test', password: 'whatever it is' });
      expect(last.body.error.code).toBe('RATE_LIMITED');
    } finally {
      await limited.stop();
    }
  });
});

describe('password reset by email', () => {
  it('emails a link through the job queue; the token resets the password once and ends other sessions', async () => {
    const { client, email } = await signUpUser(t.baseUrl);
    const anon = new ApiClient(t.baseUrl);
    expect((await anon.post('/api/auth/password-reset/request', { email })).status).toBe(202);
    expect((await anon.post('/api/auth/password-reset/request', { email: 'nobody@example.test' })).status).toBe(202);
    const mail = await waitForEmail(email, 'Reset');
    const token = /token=([\w-]+)/.exec(mail.text)![1]!;
    expect((await anon.post('/api/auth/password-reset/confirm', { token, password: 'brand new password' })).status).toBe(200);
    expect((await client.get('/api/me')).status).toBe(401);
    const again = await anon.post('/api/auth/password-reset/confirm', { token, password: 'another new password' });
    expect(again.status).toBe(400);
    expect((await anon.post('/api/auth/signin', { email, password: 'brand new password' })).status).toBe(200);
  });
});

describe('two-factor sign-in (TOTP)', () => {
  it('sets up, requires the code at sign-in, and turns off', async () => {
    const { client, email } = await signUpUser(t.baseUrl);
    const setup = await client.post('/api/me/totp/setup');
    expect(setup.status).toBe(200);
    expect(setup.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const secret = setup.body.secret as string;
    expect((await client.post('/api/me/totp/enable', { code: '000000' })).status).toBe(400);
    const on = await client.post('/api/me/totp/enable', { code: authenticator.generate(secret) });
    expect(on.body.user.totpEnabled).toBe(true);

    const c = new ApiClient(t.baseUrl);
    const first = await c.post('/api/auth/signin', { email, password: 'correct horse battery' });
    expect(first.status).toBe(401);
    expect(first.body.error.code).toBe('TOTP_REQUIRED');
    expect((await c.post('/api/auth/signin', { email, password: 'correct horse battery', totp: '123456' })).body.error.code).toBe('TOTP_REQUIRED');
    expect((await c.post('/api/auth/signin', { email, password: 'correct horse battery', totp: authenticator.generate(secret) })).status).toBe(200);

    const off = await client.post('/api/me/totp/disable', { code: authenticator.generate(secret) });
    expect(off.body.user.totpEnabled).toBe(false);
  });

  it('keeps the TOTP secret sealed at rest', async () => {
    const { client, userId } = await signUpUser(t.baseUrl);
    const { body } = await client.post('/api/me/totp/setup');
    const { users } = await import('../../db/schema');
    const { eq } = await import('drizzle-orm');
    const [row] = await t.database.db.select().from(users).where(eq(users.id, userId));
    expect(row!.totpSecretEnc).toMatch(/^v1\./);
    expect(row!.totpSecretEnc).not.toContain(body.secret);
  });
});

describe('profile', () => {
  it('updates name and language', async () => {
    const { client } = await signUpUser(t.baseUrl);
    const res = await client.patch('/api/me', { name: 'Nuovo Nome', locale: 'it' });
    expect(res.body.user).toMatchObject({ name: 'Nuovo Nome', locale: 'it' });
    expect((await client.patch('/api/me', { locale: 'fr' })).status).toBe(400);
  });
});
