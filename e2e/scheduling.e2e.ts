/**
 * Journey: an owner connects a (local sink) channel, gives it a time zone and colour and sets its
 * weekly queue slots in Settings → Channels, then creates a calendar feed address on Settings →
 * Profile and fetches it as a calendar app would (no cookie).
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createWorkspace, journey, newUser, signUp, skipReason, snapshot, step, textbox } from './harness';

process.env.ENABLE_SINK_CONNECTOR = 'true';

const skip = skipReason();
const OWNER = { name: 'Sara Scheduler', email: `sara.${Date.now()}@example.test`, password: 'correct horse battery staple' };
const SINK = 'e2e-queue';

describe('scheduling journey: channel zone, queue slots, calendar feed', { skip: skip ?? false, timeout: 240_000 }, () => {
  const env = journey();
  let page: Page;
  let base = '';

  before(async () => {
    page = (await newUser(env.browser)).page;
  });

  test('the owner connects a channel and sets its time zone, colour and queue slots', async () => {
    await step(page, 'channel-slots', async () => {
      await page.goto(`${env.server.baseUrl}/signup`);
      await signUp(page, OWNER);
      await page.waitForURL(/\/workspaces\/new$/);
      base = await createWorkspace(page, 'Queue Co');
      await page.goto(`${base}/settings/channels`);
      await page.getByRole('combobox', { name: 'Network' }).selectOption('sink');
      await textbox(page, 'Account name').fill(SINK);
      await page.getByRole('button', { name: 'Connect', exact: true }).click();
      await page.getByRole('cell', { name: SINK, exact: true }).first().waitFor();

      await page.getByRole('button', { name: `Edit ${SINK}` }).click();
      const dialog = page.getByRole('dialog', { name: `Edit ${SINK}` });
      await dialog.getByRole('combobox', { name: 'Time zone' }).selectOption('Europe/Rome');
      await dialog.getByRole('combobox', { name: 'Calendar colour' }).selectOption('grape');
      await dialog.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText(`${SINK} saved.`).first().waitFor();
      await dialog.getByText('in its time zone (Europe/Rome)', { exact: false }).waitFor();

      await dialog.getByRole('button', { name: 'Add slot' }).click();
      await dialog.getByRole('button', { name: 'Add slot' }).click();
      await dialog.getByRole('combobox', { name: 'Weekday of slot 1' }).selectOption({ label: 'Monday' });
      await dialog.getByLabel('Time of slot 1').fill('09:00');
      await dialog.getByRole('combobox', { name: 'Weekday of slot 2' }).selectOption({ label: 'Wednesday' });
      await dialog.getByLabel('Time of slot 2').fill('18:30');
      await dialog.getByRole('button', { name: 'Save slots' }).click();
      await page.getByText(`Queue slots of ${SINK} saved.`).first().waitFor();

      // Without history, best times come from the network prior, and say so; picking one adds it as a slot.
      const best = dialog.getByTestId('best-times');
      await best.getByText("Few posts yet: based on the network's typical pattern.").first().waitFor();
      await best.getByRole('button', { name: /^Use / }).first().click();
      await dialog.getByLabel('Time of slot 3').waitFor();
      assert.equal(await dialog.getByLabel('Time of slot 3').inputValue(), '09:00');
      await dialog.getByRole('button', { name: 'Save slots' }).click();
      await page.getByText(`Queue slots of ${SINK} saved.`).nth(1).waitFor();
      await snapshot(page, 'channel-slots');
      await dialog.getByRole('button', { name: 'Close' }).click();

      // The table shows the new zone, and the slots come back from the server.
      await page.reload();
      await page.getByRole('cell', { name: 'Europe/Rome', exact: true }).waitFor();
      await page.getByRole('button', { name: `Edit ${SINK}` }).click();
      const again = page.getByRole('dialog', { name: `Edit ${SINK}` });
      await again.getByLabel('Time of slot 3').waitFor();
      const saved = [];
      for (const n of [1, 2, 3]) saved.push(`${await again.getByRole('combobox', { name: `Weekday of slot ${n}` }).inputValue()} ${await again.getByLabel(`Time of slot ${n}`).inputValue()}`);
      // In week order: Monday 09:00, the picked suggestion (a weekday at 09:00 by the default prior), Wednesday 18:30.
      assert.equal(saved[0], '1 09:00');
      assert.match(saved[1]!, /^[1-5] 09:00$/);
      assert.equal(saved[2], '3 18:30');
      await again.getByRole('button', { name: 'Close' }).click();
    });
  });

  test('the owner creates a calendar feed address and a calendar app can read it', async () => {
    await step(page, 'calendar-feed', async () => {
      await page.goto(`${base}/settings/profile`);
      await page.getByRole('button', { name: 'Create feed address' }).click();
      const field = textbox(page, 'Feed address');
      await field.waitFor();
      const url = await field.inputValue();
      assert.match(url, /\/api\/calendar\/tdc_[A-Za-z0-9_-]+\.ics$/);
      await page.getByText('Your feed address is active', { exact: false }).waitFor();
      await snapshot(page, 'calendar-feed');
      const res = await fetch(url);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/calendar/);
      const text = await res.text();
      assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'), text.slice(0, 80));
      assert.ok(text.includes('VERSION:2.0\r\n'));

      // Revoking ends it.
      await page.getByRole('button', { name: 'Revoke feed address' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Revoke feed address' }).click();
      await page.getByText('Feed address revoked.').first().waitFor();
      assert.equal((await fetch(url)).status, 404);
    });
  });
});
