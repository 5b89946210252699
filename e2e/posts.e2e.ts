/**
 * Journey: an owner connects a (local sink) channel, composes a post past the channel's limit and
 * sees the counter turn red and publishing refused with the server's message, fixes it, saves, submits, approves, publishes now, and reads the
 * publishing log. The server runs with ENABLE_SINK_CONNECTOR=true (the harness passes the env on).
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createWorkspace, journey, newUser, signUp, skipReason, snapshot, step, textbox } from './harness';

process.env.ENABLE_SINK_CONNECTOR = 'true';

const skip = skipReason();
const OWNER = { name: 'Paola Publisher', email: `paola.${Date.now()}@example.test`, password: 'correct horse battery staple' };
const SINK = 'e2e-sink';

describe('posts journey: connect, compose within the limit, review, publish', { skip: skip ?? false, timeout: 240_000 }, () => {
  const env = journey();
  let page: Page;
  let base = '';

  before(async () => {
    page = (await newUser(env.browser)).page;
  });

  test('the owner signs up and connects a sink channel', async () => {
    await step(page, 'connect-channel', async () => {
      await page.goto(`${env.server.baseUrl}/signup`);
      await signUp(page, OWNER);
      await page.waitForURL(/\/workspaces\/new$/);
      base = await createWorkspace(page, 'Posting Co');
      await page.goto(`${base}/settings/channels`);
      await page.getByRole('heading', { name: 'Channels', level: 2 }).waitFor();
      await page.getByRole('combobox', { name: 'Network' }).selectOption('sink');
      await textbox(page, 'Account name').fill(SINK);
      await page.getByRole('button', { name: 'Connect', exact: true }).click();
      await page.getByRole('cell', { name: SINK, exact: true }).first().waitFor();
      await page.getByText('Connected', { exact: true }).first().waitFor();
    });
  });

  test('the counter turns red past the limit and back when fixed', async () => {
    await step(page, 'compose', async () => {
      await page.goto(`${base}/calendar`);
      await page.getByRole('link', { name: 'New post' }).click();
      await page.waitForURL(/\/posts\/new$/);
      await page.getByRole('checkbox', { name: `${SINK} (sink)` }).check();
      await textbox(page, 'Text').fill('x'.repeat(305));
      const counter = page.locator('[data-testid^="counter-"]').first();
      await counter.getByText('305 / 300 characters').waitFor();
      await counter.getByText('5 over the limit', { exact: false }).waitFor();
      assert.equal(await counter.getAttribute('data-ok'), 'false');
      await snapshot(page, 'composer-over-limit');
      // a draft may be too long; publishing it is refused with the server's words (channel, network, rule)
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.waitForURL(/\/posts\/[0-9a-f-]{36}$/);
      await page.getByText('Draft', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Publish now' }).click();
      await page.getByRole('alert').getByText(`The text for ${SINK} is 305 characters long; the limit is 300 on Local sink (tests).`, { exact: false }).waitFor();
      await textbox(page, 'Text').fill('Hello from the end-to-end journey');
      await counter.getByText('33 / 300 characters').waitFor();
      assert.equal(await counter.getAttribute('data-ok'), 'true');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Post saved.').first().waitFor();
      assert.equal(await page.getByRole('alert').filter({ hasText: 'The text for' }).count(), 0);
    });
  });

  test('submit, approve, publish now; the log shows the attempt', async () => {
    await step(page, 'publish', async () => {
      await page.getByRole('button', { name: 'Submit for review' }).click();
      await page.getByText('In review', { exact: true }).first().waitFor();
      await page.getByRole('button', { name: 'Approve' }).click();
      await page.getByText('Approved', { exact: true }).first().waitFor();
      await page.getByRole('button', { name: 'Publish now' }).click();
      await page.getByTestId('attempt-log').getByText('Published', { exact: true }).waitFor({ timeout: 30_000 });
      await snapshot(page, 'composer-published');
    });
  });

  test('the list shows the post as published', async () => {
    await step(page, 'list', async () => {
      await page.goto(`${base}/calendar/list`);
      const row = page.getByRole('row', { name: /Hello from the end-to-end journey/ });
      await row.getByText('Published', { exact: true }).waitFor();
      await row.getByText(SINK).waitFor();
      await page.getByRole('combobox', { name: 'Status' }).selectOption('draft');
      await page.getByText('No posts yet.').waitFor();
    });
  });
});
