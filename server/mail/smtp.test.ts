import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { ApiClient, signUpUser } from '../test/apiClient';
import { startTestTandem, type TestTandem } from '../test/testServer';

/** A real SMTP peer on loopback: what Tandem sends when SMTP_URL is set. */
const received: { to: string[]; raw: string }[] = [];
let smtp: SMTPServer;
let t: TestTandem;

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
  t = await startTestTandem({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Caffè Aurora <team@caffeaurora.test>' });
});
afterAll(async () => {
  await t?.stop();
  await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
});

describe('email over SMTP', () => {
  it('delivers the password reset email to the SMTP server, and the local outbox is off', async () => {
    const { email } = await signUpUser(t.baseUrl);
    await new ApiClient(t.baseUrl).post('/api/auth/password-reset/request', { email });
    for (let i = 0; i < 100 && !received.some((m) => m.to.includes(email)); i++) await new Promise((r) => setTimeout(r, 100));
    const mail = received.find((m) => m.to.includes(email));
    expect(mail?.raw).toMatch(/Subject: Reset your Tandem password/);
    expect(mail?.raw).toMatch(/reset-password\?token=/);
    expect(mail?.raw).toMatch(/From: =\?UTF-8\?Q\?Caff=C3=A8_Aurora\?= <team@caffeaurora.test>|From: Caffè Aurora/);
    expect((await new ApiClient(t.baseUrl).get('/api/dev/outbox')).status).toBe(404);
  });
});
