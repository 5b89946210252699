/**
 * Journey: a Stack Exchange dump imported with the CLI (`tandem import stackexchange`) into the demo
 * community, then read in the browser as any visitor would: the imported Q&A space, a solved question
 * with its accepted answer and comments as replies, and a member's profile with badges.
 * Needs ../shared/data/community-sample (skipped with a line when absent, except under CI=true).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { openDatabase } from '../server/db/client';
import { communities } from '../server/db/schema';
import { journey, ROOT, skipReason, step } from './harness';

const SAMPLE = join(ROOT, '..', 'shared', 'data', 'community-sample', 'conlang.meta.stackexchange.com');
function dataSkip(): string | null {
  if (existsSync(SAMPLE)) return null;
  const msg = `the Stack Exchange sample is not at ${SAMPLE} (../shared beside the repository)`;
  if (process.env.CI === 'true') throw new Error(`${msg}; CI=true, so this journey cannot be skipped.`);
  console.log(`[e2e] SKIPPED: ${msg}.`);
  return msg;
}
const skip = skipReason() ?? dataSkip();
let communityId = '';

const tandem = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'cli', 'bin.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });

describe('community import journey: a Stack Exchange dump, read in the browser', { skip: skip ?? false, timeout: 300_000 }, () => {
  const env = journey({
    prepare: async (dataDir) => {
      const seeded = tandem('seed', '--demo', '--data-dir', dataDir);
      assert.equal(seeded.status, 0, seeded.stderr);
      const database = await openDatabase({ dataDir });
      const [community] = await database.db.select().from(communities);
      await database.close();
      communityId = community!.workspaceId;
      const imported = tandem('import', 'stackexchange', SAMPLE, '--community', communityId, '--data-dir', dataDir);
      assert.equal(imported.status, 0, imported.stderr);
      assert.match(imported.stdout, /questions 54, answers 115/);
    },
  });

  test('the imported Q&A space, a solved question and a member with badges', async () => {
    const page = await (await env.browser.newContext({ locale: 'en-GB' })).newPage();
    await step(page, 'imported-space', async () => {
      await page.goto(`${env.server.baseUrl}/c/${communityId}`);
      await page.getByRole('link', { name: 'conlang.meta.stackexchange.com' }).click();
      await page.getByRole('heading', { level: 1, name: 'conlang.meta.stackexchange.com' }).waitFor();
      assert.ok((await page.locator('ul.threads > li').count()) >= 50, 'the latest threads of the space are listed');
      assert.ok((await page.locator('ul.threads .badge.solved').count()) > 0, 'some questions are solved');
    });
    await step(page, 'solved-question', async () => {
      await page.locator('ul.threads > li', { has: page.locator('.badge.solved') }).first().getByRole('link').first().click();
      await page.waitForURL(/\/t\/[0-9a-f-]+\//);
      await page.getByText('Accepted answer', { exact: true }).waitFor();
      await page.getByRole('link', { name: 'Go to the accepted answer' }).click();
      assert.ok((await page.locator('article.post').count()) >= 2, 'the question and its answers');
      const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
      assert.equal(ld['@type'], 'DiscussionForumPosting');
    });
    await step(page, 'member-with-badges', async () => {
      await page.locator('article.post .author a').first().click();
      await page.waitForURL(/\/u\/[0-9a-f-]+$/);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByText('Member since').waitFor();
      await page.getByRole('heading', { name: 'Badges' }).waitFor();
      assert.ok((await page.locator('ul.badges li').count()) > 0);
    });
  });
});
