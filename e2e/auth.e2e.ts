/**
 * Journey: security. Two-factor sign-in (setup with the QR/secret, the code field appears when the
 * server answers TOTP_REQUIRED), sign-out, and a password reset through the dev outbox.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { authenticator } from 'otplib';
import type { Page } from 'playwright-core';
import { createWorkspace, journey, newUser, signIn, signUp, skipReason, step, textbox } from './harness';

const skip = skipReason();
const USER = { name: 'Sam Secure', email: `sam.${Date.now()}@example.test`, password: 'first long passphrase', newPassword: 'second long passphrase' };

async function signOut(page: Page) {
  await page.getByRole('button', { name: /^Account menu for / }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL(/\/signin$/);
}

/** A code from the next 30-second step when the current one is about to expire. */
async function freshCode(secret: string): Promise<string> {
  if (authenticator.timeRemaining() < 5) await new Promise((r) => setTimeout(r, (authenticator.timeRemaining() + 1) * 1000));
  return authenticator.generate(secret);
}

describe('auth journey: two-factor sign-in and password reset', { skip: skip ?? false, timeout: 240_000 }, () => {
  const env = journey();
  let page: Page;
  let secret = '';

  before(async () => {
    page = (await newUser(env.browser)).page;
  });

  test('sign-up checks the fields before sending, with translated messages', async () => {
    await step(page, 'signup-validation', async () => {
      await page.goto(`${env.server.baseUrl}/signup`);
      await signUp(page, { name: USER.name, email: 'not-an-email', password: 'short' });
      await page.getByText('Enter a valid email address.').waitFor();
      await page.getByText('Use at least 10 characters.').waitFor();
      await signUp(page, USER);
      await createWorkspace(page, 'Secure Ltd');
    });
  });

  test('two-factor authentication is turned on from the profile page', async () => {
    await step(page, 'totp-setup', async () => {
      await page.getByRole('button', { name: /^Account menu for / }).click();
      await page.getByRole('menuitem', { name: 'Settings' }).click();
      await page.getByRole('heading', { level: 2, name: 'Profile and security' }).waitFor();
      await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
      await page.getByRole('img', { name: 'QR code to add Tandem to your authenticator app' }).waitFor();
      secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim();
      assert.match(secret, /^[A-Z2-7]{16,}$/);
      await textbox(page, '6-digit code').fill(await freshCode(secret));
      await page.getByRole('button', { name: 'Turn on' }).click();
      await page.getByText('Two-factor authentication is on: signing in asks for a code from your authenticator app.').waitFor();
    });
  });

  test('signing in asks for the code only after the password, and refuses a wrong one', async () => {
    await step(page, 'totp-signin', async () => {
      await signOut(page);
      await signIn(page, USER.email, 'wrong password entirely');
      await page.getByRole('alert').getByText('Wrong email or password').waitFor();
      assert.equal(await textbox(page, '6-digit code').count(), 0);
      await signIn(page, USER.email, USER.password);
      await textbox(page, '6-digit code').waitFor();
      assert.equal(await page.getByRole('alert').count(), 0, 'the first TOTP_REQUIRED is a prompt, not an error');
      await textbox(page, '6-digit code').fill('000000');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('That code is wrong or expired: enter the current one.').waitFor();
      assert.equal(await textbox(page, '6-digit code').getAttribute('aria-invalid'), 'true');
      await textbox(page, '6-digit code').fill(await freshCode(secret));
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: `Hello, ${USER.name}` }).waitFor();
    });
  });

  test('a forgotten password is reset with the link from the dev outbox', async () => {
    await step(page, 'reset', async () => {
      await signOut(page);
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await textbox(page, 'Email').fill(USER.email);
      await page.getByRole('button', { name: 'Send reset link' }).click();
      await page.getByText('If an account exists for this address').waitFor();
      const mail = await env.server.waitForEmail((e) => e.to === USER.email && /reset-password\?token=/.test(e.text));
      const link = /https?:\/\/\S+\/reset-password\?token=[^\s]+/.exec(mail.text)?.[0] ?? '';
      const url = new URL(link);
      await page.goto(`${env.server.baseUrl}${url.pathname}${url.search}`);
      await textbox(page, 'New password').fill(USER.newPassword);
      await page.getByRole('button', { name: 'Set new password' }).click();
      await page.getByText('Your password has been changed.').waitFor();
      await page.getByRole('link', { name: 'Sign in' }).click();
      await signIn(page, USER.email, USER.newPassword);
      await textbox(page, '6-digit code').fill(await freshCode(secret));
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: `Hello, ${USER.name}` }).waitFor();
    });
  });
});
