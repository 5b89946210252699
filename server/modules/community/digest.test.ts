import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { eq } from 'drizzle-orm';
import { communityDigestSends } from '../../db/schema';
import type { ApiClient } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { planDigests } from './jobs/planDigests';
import { communityOwner, createSpace, joinCommunity } from './testMembers';
import { runJob } from './testStreams';

/** Digest emails through a real SMTP peer on loopback (the pattern of server/mail/smtp.test.ts). */
const received: { to: string[]; raw: string }[] = [];
let smtp: SMTPServer;
let t: TestTandem;
let ws: string;
let owner: ApiClient;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (c) => (raw += c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        done();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const port = (smtp.server.address() as { port: number }).port;
  t = await startTestTandem({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Digest Bar <team@digestbar.test>' });
  ({ owner, workspaceId: ws } = await communityOwner(t, 'Digest Bar'));
  await createSpace(owner, ws, { name: 'Open', slug: 'open' });
  await createSpace(owner, ws, { name: 'Secret', slug: 'secret', visibility: 'private' });
});
afterAll(async () => {
  await t?.stop();
  await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
});

/** Headers unfolded, quoted-printable body decoded: enough to read what a mail client shows. */
function readMail(raw: string) {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const body = Buffer.from(rest.join('\n\n').replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  return { headers, body };
}
const mailsTo = (email: string) => received.filter((m) => m.to.includes(email));
const sendWork = ['community.sendDigest', 'system.sendEmail'];

describe('email digests', () => {
  it('sends a daily digest once per day with unread notifications and new threads, and unsubscribes in one click', async () => {
    const dana = await joinCommunity(t, ws, { name: 'Dana' });
    const danaEmail = (await dana.get('/me')).body.member.email as string;
    const writer = await joinCommunity(t, ws, { name: 'Writer' });
    expect((await dana.patch('/me', { notificationPrefs: { digest: 'daily' } })).status).toBe(200);
    await writer.post('/spaces/open/threads', { title: 'Best beans of the week', body: 'Ideas, @dana?' });
    const spaces = (await owner.get(`/api/workspaces/${ws}/community/spaces`)).body.spaces as { id: string; slug: string }[];
    await owner.post(`/api/workspaces/${ws}/community/spaces/${spaces.find((s) => s.slug === 'secret')!.id}/threads`, { title: 'Staff secret plans', body: 'Hush' });

    await runJob(t, planDigests, {}, sendWork);
    const mails = mailsTo(danaEmail);
    expect(mails).toHaveLength(1);
    const { headers, body } = readMail(mails[0]!.raw);
    expect(headers).toMatch(/Subject: Digest Bar community: your daily digest/);
    expect(headers).toMatch(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
    const link = /List-Unsubscribe: <([^>]+)>/.exec(headers)?.[1];
    expect(link).toContain(`/api/communities/${ws}/unsubscribe?token=`);
    expect(body).toContain('Writer mentioned you in “Best beans of the week”');
    expect(body).toContain('Best beans of the week (0 replies)');
    expect(body).not.toContain('Staff secret plans');
    expect(body).toContain(link!);

    // The next run in the same day sends nothing more.
    await runJob(t, planDigests, {}, sendWork);
    expect(mailsTo(danaEmail)).toHaveLength(1);
    expect(await t.database.db.select().from(communityDigestSends).where(eq(communityDigestSends.memberId, dana.id))).toHaveLength(1);

    // The link works without signing in; a tampered one does nothing.
    const path = new URL(link!).pathname + new URL(link!).search;
    const forged = path.replace(/token=([^&]+)/, (_, tok: string) => `token=${tok.slice(0, -3)}abc`);
    expect((await fetch(t.baseUrl + forged)).status).toBe(400);
    expect((await dana.get('/me')).body.member.notificationPrefs.digest).toBe('daily');
    const page = await fetch(t.baseUrl + path);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('Digest Bar community');
    expect((await dana.get('/me')).body.member.notificationPrefs.digest).toBe('off');
  });

  it('sends weekly digests too, and accepts the RFC 8058 one-click POST from mail clients', async () => {
    const erin = await joinCommunity(t, ws, { name: 'Erin' });
    const erinEmail = (await erin.get('/me')).body.member.email as string;
    await erin.patch('/me', { notificationPrefs: { digest: 'weekly' } });
    const writer = await joinCommunity(t, ws, { name: 'Writer Two' });
    await writer.post('/spaces/open/threads', { title: 'Weekly news', body: 'Hello @erin' });
    await runJob(t, planDigests, {}, sendWork);
    const mail = mailsTo(erinEmail);
    expect(mail).toHaveLength(1);
    const { headers } = readMail(mail[0]!.raw);
    expect(headers).toMatch(/Subject: Digest Bar community: your weekly digest/);
    const link = new URL(/List-Unsubscribe: <([^>]+)>/.exec(headers)![1]!);
    const res = await fetch(t.baseUrl + link.pathname + link.search, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(res.status).toBe(200);
    expect((await erin.get('/me')).body.member.notificationPrefs.digest).toBe('off');

  });
});
