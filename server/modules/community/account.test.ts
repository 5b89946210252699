import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { communityMembers, communityMemberTokens } from '../../db/schema';
import type { ApiClient } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { communityOwner, MemberClient, memberEmail } from './testMembers';

/** Member password reset and magic-link sign-in (and sign-up), through HTTP and the email job, on both engines. */
let t: TestTandem;
let ws: string;
let owner: ApiClient;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  t = await startTestTandem({ PUBLIC_URL: 'https://forum.example.test' });
  ({ owner, workspaceId: ws } = await communityOwner(t, 'Caffè Aurora'));
});
afterAll(async () => t?.stop());

async function emailsTo(to: string) {
  return ((await t.ctx.mailer.outbox()) ?? []).filter((e) => e.to === to);
}
async function waitForEmail(to: string, subjectPart: string, skip = 0) {
  for (let i = 0; i < 150; i++) {
    const found = (await emailsTo(to)).filter((e) => e.subject.includes(subjectPart)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    if (found.length > skip) return found[skip]!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no email "${subjectPart}" to ${to}`);
}
const tokenOf = (text: string, page: 'reset' | 'magic') => new RegExp(`https://forum\\.example\\.test/c/${ws}/${page}\\?token=([\\w-]+)`).exec(text)?.[1];

async function member(name = 'Giulia') {
  const m = new MemberClient(t.baseUrl, ws);
  const email = memberEmail(name.toLowerCase());
  expect((await m.post('/signup', { email, password: PASSWORD, displayName: name })).status).toBe(201);
  return { m, email };
}

describe('member password reset', () => {
  it('answers the same for members and strangers, emails a single-use link, ends every other session', async () => {
    const { m: laptop, email } = await member();
    const phone = new MemberClient(t.baseUrl, ws);
    expect((await phone.post('/signin', { email, password: PASSWORD })).status).toBe(200);
    const anon = new MemberClient(t.baseUrl, ws);

    const known = await anon.post('/password-reset/request', { email });
    const unknown = await anon.post('/password-reset/request', { email: 'nobody@example.test' });
    expect(known.status).toBe(202);
    expect(unknown).toEqual(known);
    const mail = await waitForEmail(email, 'Reset your password for Caffè Aurora community');
    expect(mail.text).toContain('Giulia');
    const token = tokenOf(mail.text, 'reset')!;
    expect(token).toBeTruthy();
    // A reset link is no sign-in link.
    expect((await new MemberClient(t.baseUrl, ws).post('/magic-link/signin', { token })).status).toBe(400);
    // Only the hash is stored.
    const rows = await t.database.db.select().from(communityMemberTokens).where(eq(communityMemberTokens.email, email));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(token);
    expect(await emailsTo('nobody@example.test')).toHaveLength(0);

    expect((await anon.get(`/password-reset?token=${token}`)).body).toMatchObject({ valid: true, kind: 'reset' });
    const short = await anon.post('/password-reset/confirm', { token, password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('VALIDATION_FAILED');

    const done = await anon.post('/password-reset/confirm', { token, password: 'a brand new password' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.member.email).toBe(email);
    expect((await anon.get('/me')).status).toBe(200);
    expect((await laptop.get('/me')).status).toBe(401);
    expect((await phone.get('/me')).status).toBe(401);

    const again = await new MemberClient(t.baseUrl, ws).post('/password-reset/confirm', { token, password: 'yet another password' });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(/invalid, used or expired/);
    expect((await anon.get(`/password-reset?token=${token}`)).body).toEqual({ valid: false, kind: null, expiresAt: null });
    expect((await new MemberClient(t.baseUrl, ws).post('/signin', { email, password: PASSWORD })).status).toBe(401);
    expect((await new MemberClient(t.baseUrl, ws).post('/signin', { email, password: 'a brand new password' })).status).toBe(200);
  });

  it('refuses expired links and links of another community', async () => {
    const { email } = await member('Marco');
    const anon = new MemberClient(t.baseUrl, ws);
    await anon.post('/password-reset/request', { email, locale: 'it' });
    const mail = await waitForEmail(email, 'Reimposta la password');
    const token = tokenOf(mail.text, 'reset')!;

    const other = await communityOwner(t, 'Altro Bar');
    const elsewhere = await new MemberClient(t.baseUrl, other.workspaceId).post('/password-reset/confirm', { token, password: 'a brand new password' });
    expect(elsewhere.status).toBe(400);

    await t.database.db.update(communityMemberTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(communityMemberTokens.email, email));
    expect((await anon.get(`/password-reset?token=${token}`)).body.valid).toBe(false);
    expect((await anon.post('/password-reset/confirm', { token, password: 'a brand new password' })).status).toBe(400);
  });

  it('sends at most five links an hour to one address, answering the same', async () => {
    const { email } = await member('Sara');
    const anon = new MemberClient(t.baseUrl, ws);
    for (let i = 0; i < 7; i++) expect((await anon.post('/password-reset/request', { email })).status).toBe(202);
    const rows = await t.database.db.select().from(communityMemberTokens).where(and(eq(communityMemberTokens.workspaceId, ws), eq(communityMemberTokens.email, email)));
    expect(rows).toHaveLength(5);
  });
});

describe('magic-link sign-in', () => {
  it('signs a member in once with an emailed 15-minute link', async () => {
    const { email } = await member('Luca');
    const anon = new MemberClient(t.baseUrl, ws);
    const sent = await anon.post('/magic-link/request', { email });
    expect(sent.status).toBe(202);
    expect(sent).toEqual(await anon.post('/magic-link/request', { email: 'stranger@example.test', displayName: 'X' }).then((r) => ({ ...r })));
    const token = tokenOf((await waitForEmail(email, 'Your sign-in link')).text, 'magic')!;
    const check = (await anon.get(`/magic-link?token=${token}`)).body;
    expect(check).toMatchObject({ valid: true, kind: 'signin' });
    const minutes = (new Date(check.expiresAt).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(13);
    expect(minutes).toBeLessThanOrEqual(15);

    const browser = new MemberClient(t.baseUrl, ws);
    const res = await browser.post('/magic-link/signin', { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ joined: false, member: { email, displayName: 'Luca' } });
    expect(browser.cookie).toMatch(/^tandem_community=/);
    expect((await browser.get('/me')).body.member.email).toBe(email);
    expect((await new MemberClient(t.baseUrl, ws).post('/magic-link/signin', { token })).status).toBe(400);
    expect((await browser.post('/magic-link/signin', { token: 'x'.repeat(43) })).status).toBe(400);
  });

  it('signs up a new address by link when the community takes sign-ups, and sends nothing when it does not', async () => {
    const email = memberEmail('newcomer');
    const anon = new MemberClient(t.baseUrl, ws);
    expect((await anon.post('/magic-link/request', { email, displayName: 'Newcomer', locale: 'es' })).status).toBe(202);
    const mail = await waitForEmail(email, 'Termina de unirte');
    const token = tokenOf(mail.text, 'magic')!;
    expect((await anon.get(`/magic-link?token=${token}`)).body.kind).toBe('join');
    const res = await anon.post('/magic-link/signin', { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ joined: true, member: { email, displayName: 'Newcomer' } });
    // No password yet: none matches.
    expect((await new MemberClient(t.baseUrl, ws).post('/signin', { email, password: '' + 'anything at all' })).status).toBe(401);
    const [row] = await t.database.db.select().from(communityMembers).where(and(eq(communityMembers.workspaceId, ws), eq(communityMembers.email, email)));
    expect(row!.passwordHash).toBe('');

    const closed = await communityOwner(t, 'Club Chiuso');
    await closed.owner.put(`/api/workspaces/${closed.workspaceId}/community`, { name: 'Club Chiuso', signupOpen: false });
    const stranger = memberEmail('stranger');
    expect((await new MemberClient(t.baseUrl, closed.workspaceId).post('/magic-link/request', { email: stranger })).status).toBe(202);
    expect(await t.database.db.select().from(communityMemberTokens).where(eq(communityMemberTokens.email, stranger))).toHaveLength(0);
  });

  it('refuses bad input clearly and answers 404 for a community that is not set up', async () => {
    const anon = new MemberClient(t.baseUrl, ws);
    const bad = await anon.post('/magic-link/request', { email: 'not an email' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect((await anon.post('/magic-link/signin', { token: 'short' })).status).toBe(400);
    const none = new MemberClient(t.baseUrl, '00000000-0000-4000-8000-000000000000');
    expect((await none.post('/magic-link/request', { email: 'a@example.test' })).status).toBe(404);
    void owner;
  });
});

describe('rate limits', () => {
  it('limits reset and magic-link requests per IP like sign-in', async () => {
    const limited = await startTestTandem({ LOGIN_MAX_PER_MINUTE: '2' });
    try {
      const { workspaceId } = await communityOwner(limited, 'Limited');
      const anon = new MemberClient(limited.baseUrl, workspaceId);
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) codes.push((await anon.post('/password-reset/request', { email: 'a@example.test' })).status);
      expect(codes).toEqual([202, 202, 429]);
    } finally {
      await limited.stop();
    }
  });
});
