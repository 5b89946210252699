/**
 * Journey: an owner connects an account with OAuth ("Connect with …"): the browser goes to the
 * network's sign-in page (a loopback OAuth 2 server that approves at once), comes back through
 * Tandem's callback to Settings → Channels, which says it worked and shows the channel's health;
 * a second try that the person declines lands on the same page with the reason, in words.
 */
import { before, after, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { LoopbackMastodon } from '../server/test/loopbackMastodon';
import { LoopbackOAuthServer } from '../server/test/loopbackOAuth';
import { createWorkspace, journey, newUser, signUp, skipReason, snapshot, step, textbox } from './harness';

process.env.ENABLE_SINK_CONNECTOR = 'true';
// The OAuth sink server runs on loopback, which the server otherwise refuses to connect to.
process.env.LINK_PREVIEW_PRIVATE_HOSTS = 'true';
process.env.OAUTH_SINK_OAUTH_CLIENT_ID = 'tandem-e2e';
process.env.OAUTH_SINK_OAUTH_CLIENT_SECRET = 'e2e-secret';

const skip = skipReason();
const OWNER = { name: 'Olga OAuth', email: `olga.${Date.now()}@example.test`, password: 'correct horse battery staple' };
const NETWORK = 'Local sink, OAuth sign-in (tests)';

describe('channels journey: connect with OAuth, see the channel\'s health', { skip: skip ?? false, timeout: 240_000 }, () => {
  const oauth = new LoopbackOAuthServer({ clientId: 'tandem-e2e', clientSecret: 'e2e-secret' });
  const mastodon = new LoopbackMastodon();
  before(() => Promise.all([oauth.start(), mastodon.start()]));
  after(() => Promise.all([oauth.stop(), mastodon.stop()]));
  const env = journey();
  let page: Page;
  let base = '';

  before(async () => {
    page = (await newUser(env.browser)).page;
  });

  test('the owner connects an account through the network\'s sign-in page', async () => {
    await step(page, 'oauth-connect', async () => {
      await page.goto(`${env.server.baseUrl}/signup`);
      await signUp(page, OWNER);
      await page.waitForURL(/\/workspaces\/new$/);
      base = await createWorkspace(page, 'OAuth Bakery');
      await page.goto(`${base}/settings/channels`);
      await page.getByRole('combobox', { name: 'Network' }).selectOption('sink-oauth');
      await textbox(page, 'Server address').fill(oauth.url);
      oauth.approveAs = 'bakery-oauth';
      await page.getByRole('button', { name: `Connect with ${NETWORK}` }).click();
      await page.waitForURL(/\/settings\/channels$/);
      await page.getByText('The account is connected.').waitFor();
      await page.getByRole('cell', { name: 'bakery-oauth', exact: true }).waitFor();
      const health = page.locator('[data-testid^="health-"]').first();
      await health.getByText('Connected', { exact: true }).waitFor();
      await health.getByText(/^Last answered/).waitFor();
      await health.getByText(/sign-in renewed before/).waitFor();
      await snapshot(page, 'channels-oauth-connected');
    });
  });

  test('a declined sign-in comes back with the reason', async () => {
    await step(page, 'oauth-declined', async () => {
      oauth.approveAs = null;
      await page.getByRole('combobox', { name: 'Network' }).selectOption('sink-oauth');
      await textbox(page, 'Server address').fill(oauth.url);
      await page.getByRole('button', { name: `Connect with ${NETWORK}` }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'was not connected' });
      await alert.getByText(/Access was not granted on Local sink, OAuth sign-in \(tests\)/).waitFor();
      await alert.getByText('The user declined to authorize the app.').waitFor();
      await snapshot(page, 'channels-oauth-declined');
    });
  });

  test('a Mastodon account signs in on its instance, with no app set up by the operator', async () => {
    await step(page, 'mastodon-sign-in', async () => {
      await page.goto(`${base}/settings/channels`);
      await page.getByRole('combobox', { name: 'Network' }).selectOption('mastodon');
      await textbox(page, 'Instance').fill(mastodon.url);
      await snapshot(page, 'channels-mastodon-form');
      await page.getByRole('button', { name: 'Connect with Mastodon' }).click();
      await page.waitForURL(/\/settings\/channels$/);
      await page.getByText('The account is connected.').waitFor();
      await page.getByRole('cell', { name: /^bakery@/ }).waitFor();
      if (mastodon.apps.length !== 1) throw new Error(`Tandem should register once on the instance, registered ${mastodon.apps.length} times`);
      await snapshot(page, 'channels-mastodon-signed-in');
    });
  });
});
