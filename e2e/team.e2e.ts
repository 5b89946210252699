/**
 * Journey: an owner signs up, creates a workspace and invites a colleague; the colleague reads the
 * invitation in the dev outbox, signs up, accepts, and switches hat to see other KPIs.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createWorkspace, journey, newUser, signUp, skipReason, snapshot, step, textbox } from './harness';

const skip = skipReason();
const PASSWORD = 'correct horse battery staple';
const OWNER = { name: 'Olivia Owner', email: `olivia.${Date.now()}@example.test`, password: PASSWORD };
const INVITEE = { name: 'Carlo Community', email: `carlo.${Date.now()}@example.test`, password: PASSWORD };
const WORKSPACE = 'Acme Coffee';

async function kpiKeys(page: Page): Promise<string[]> {
  await page.locator('[data-testid^="kpi-"]').first().waitFor();
  const ids = await page.locator('[data-testid^="kpi-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.replace(/^kpi-/, '')).sort();
}

describe('team journey: sign up, create workspace, invite, accept, switch hat', { skip: skip ?? false, timeout: 240_000 }, () => {
  const env = journey();
  let owner: Page;
  let invitee: Page;
  let workspacePath = '';

  before(async () => {
    owner = (await newUser(env.browser)).page;
    invitee = (await newUser(env.browser)).page;
  });

  test('the owner signs up and is asked to create a workspace', async () => {
    await step(owner, 'owner-signup', async () => {
      await owner.goto(`${env.server.baseUrl}/`);
      await owner.waitForURL(/\/signin/);
      await owner.getByRole('link', { name: 'Create an account' }).click();
      await signUp(owner, OWNER);
      await owner.waitForURL(/\/workspaces\/new$/);
      await owner.getByRole('heading', { level: 1, name: 'Create a workspace' }).waitFor();
    });
  });

  test('the owner creates a workspace and lands on the owner home', async () => {
    await step(owner, 'create-workspace', async () => {
      workspacePath = new URL(await createWorkspace(owner, WORKSPACE)).pathname;
      await owner.getByRole('heading', { level: 1, name: `Hello, ${OWNER.name}` }).waitFor();
      // the creator is owner and marketing manager, wearing the marketing manager's hat
      await owner.getByRole('button', { name: 'Hat: Marketing manager' }).waitFor();
      assert.deepEqual(await kpiKeys(owner), ['audienceGrowthRate', 'conversions', 'objectivesOnTrack', 'roi']);
      // no data yet is said honestly
      assert.ok(await owner.getByText('No data yet').first().isVisible());
      assert.ok(await owner.getByRole('button', { name: `Workspace: ${WORKSPACE}` }).isVisible());
      await snapshot(owner, 'owner-home');
    });
  });

  test('the owner invites a community manager who is also social media manager', async () => {
    await step(owner, 'invite', async () => {
      await owner.getByRole('link', { name: 'Settings' }).click();
      await owner.getByRole('link', { name: 'Team' }).click();
      await owner.getByRole('heading', { name: 'Team', level: 2 }).waitFor();
      await textbox(owner, 'Email address').fill(INVITEE.email);
      await owner.getByRole('checkbox', { name: 'Community manager' }).check();
      await owner.getByRole('checkbox', { name: 'Social media manager' }).check();
      await owner.getByRole('button', { name: 'Send invitation' }).click();
      await owner.getByRole('cell', { name: INVITEE.email, exact: true }).waitFor();
    });
  });

  test('the invitation email is in the dev outbox with a working link', async () => {
    const mail = await env.server.waitForEmail((e) => e.to === INVITEE.email);
    assert.match(mail.text, /\/invite\?token=/);
    await step(invitee, 'outbox', async () => {
      await invitee.goto(`${env.server.baseUrl}/dev/outbox`);
      await invitee.getByRole('heading', { name: mail.subject }).waitFor();
      await invitee.getByRole('link', { name: /\/invite\?token=/ }).first().click();
      await invitee.waitForURL(/\/invite\?token=/);
    });
  });

  test('the invitee previews, signs up from the invitation and accepts it', async () => {
    await step(invitee, 'accept', async () => {
      await invitee.getByRole('heading', { level: 1, name: `Join ${WORKSPACE}` }).waitFor();
      await invitee.getByText(`${OWNER.name} invited ${INVITEE.email}`).waitFor();
      await invitee.getByRole('link', { name: 'Create an account to accept' }).click();
      await invitee.waitForURL(/\/signup\?/);
      assert.equal(await textbox(invitee, 'Email').inputValue(), INVITEE.email);
      await signUp(invitee, { name: INVITEE.name, password: INVITEE.password });
      await invitee.waitForURL(/\/invite\?token=/);
      await invitee.getByRole('button', { name: 'Accept invitation' }).click();
      await invitee.waitForURL(new RegExp(`${workspacePath}/home$`));
      await invitee.getByRole('heading', { level: 1, name: `Hello, ${INVITEE.name}` }).waitFor();
    });
  });

  test('the hat switcher offers only the roles held, and the home KPIs follow the hat', async () => {
    const SMM = ['clickThroughRate', 'conversions', 'costPerConversion', 'engagementRate', 'impressions', 'reach'];
    const CM = ['audienceGrowthRate', 'firstResponseTime', 'netSentiment', 'responseRate', 'stickiness', 'unansweredRate'];
    await step(invitee, 'switch-hat', async () => {
      const hatButton = invitee.getByRole('button', { name: /^Hat: / });
      const before = await kpiKeys(invitee);
      const wearingCm = ((await hatButton.textContent()) ?? '').includes('Community manager');
      assert.deepEqual(before, wearingCm ? CM : SMM);
      await hatButton.click();
      const items = invitee.getByRole('menuitemradio');
      // allTextContents() does not wait: read the menu once both items are there.
      await items.nth(1).waitFor();
      assert.deepEqual((await items.allTextContents()).map((s) => s.trim()).sort(), ['Community manager', 'Social media manager']);
      const target = wearingCm ? 'Social media manager' : 'Community manager';
      await invitee.getByRole('menuitemradio', { name: target }).click();
      await invitee.getByRole('button', { name: `Hat: ${target}` }).waitFor();
      await invitee.getByRole('heading', { name: `Key indicators for the ${target} hat` }).waitFor();
      await invitee.locator(`[data-testid="kpi-${wearingCm ? 'reach' : 'firstResponseTime'}"]`).waitFor();
      assert.deepEqual(await kpiKeys(invitee), wearingCm ? SMM : CM);
      await snapshot(invitee, 'invitee-home-after-hat-switch');
    });
  });

  test('the invitee sees the team but not the owner-only controls', async () => {
    await step(invitee, 'permissions', async () => {
      await invitee.goto(`${env.server.baseUrl}${workspacePath}/settings/team`);
      await invitee.getByRole('cell', { name: OWNER.email, exact: true }).waitFor();
      assert.equal(await invitee.getByRole('button', { name: 'Send invitation' }).count(), 0);
      assert.equal(await invitee.getByRole('button', { name: /^Change roles/ }).count(), 0);
      assert.equal(await invitee.getByRole('link', { name: 'Audit log' }).count(), 0);
    });
  });
});
