/**
 * Journey: the community manager of the demo workspace (Giulia, Caffè Aurora) opens Community,
 * creates a space whose new threads need approval, a member (signed up through the member API)
 * starts a thread there, it waits in the approval queue — invisible to the public — until Giulia
 * approves it; then it shows in the space, and Giulia answers with the staff badge. Giulia's account
 * is in Italian: the journey switches to English to work and back to Italian once to read a label.
 * An analyst (read-only in the community) sees the same pages without the manager's and moderator's
 * actions. Each page is checked with axe-core for serious accessibility problems.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { journey, newUser, ROOT, signIn, skipReason, snapshot, step, textbox, untranslatedKeys } from './harness';

const skip = skipReason();
const DEMO_PASSWORD = 'aurora-demo-2026';
const GIULIA = 'giulia@caffeaurora.demo';
const ANDREA = 'andrea@caffeaurora.demo'; // analyst: community.read only
const SPACE = { name: 'Ask the baristas', slug: 'ask-the-baristas' };
const THREAD = { title: 'Which beans for a home espresso?', body: 'I have a small machine at home: **which blend** do you suggest?' };

/** A community member as the public pages will be: member cookie plus the member CSRF header. */
class Member {
  private cookie = '';
  private csrf = '';
  constructor(
    private readonly baseUrl: string,
    private readonly communityId: string,
  ) {}

  async call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-community-csrf'] = this.csrf;
    const res = await fetch(`${this.baseUrl}/api/communities/${this.communityId}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const m = /tandem_community=([^;]*)/.exec(res.headers.get('set-cookie') ?? '');
    if (m?.[1]) this.cookie = `tandem_community=${m[1]}`;
    const parsed = (await res.json().catch(() => null)) as any;
    if (typeof parsed?.csrfToken === 'string') this.csrf = parsed.csrfToken;
    return { status: res.status, body: parsed };
  }
}

async function pickLanguage(page: Page, label: string) {
  await page.getByRole('button', { name: /^(Language|Lingua|Idioma): / }).first().click();
  await page.getByRole('menuitemradio', { name: label }).click();
}

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Serious and critical axe-core findings on the page's main region, as "rule: targets". */
async function axeProblems(page: Page): Promise<string[]> {
  // evaluated over the DevTools protocol: the app's CSP (script-src 'self') refuses a script tag
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    // colour contrast is the app-wide theme's matter (primary blue, dimmed grey), not these pages'
    const r = await axe.run({ include: ['main'] }, { resultTypes: ['violations'], rules: { 'color-contrast': { enabled: false } } });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return found;
}

describe('community admin journey: a space with approval, the queue, a staff reply', { skip: skip ?? false, timeout: 300_000 }, () => {
  const env = journey({ demo: true });
  let page: Page;
  let base = '';
  let workspaceId = '';
  let anonymous: Member;
  let anna: Member;

  before(async () => {
    page = (await newUser(env.browser)).page;
  });

  test('Giulia signs in and opens Community from the navigation', async () => {
    await step(page, 'open-community', async () => {
      await page.goto(`${env.server.baseUrl}/signin`);
      await signIn(page, GIULIA, DEMO_PASSWORD);
      await page.waitForURL(/\/w\/[0-9a-f-]+\/home$/);
      base = page.url().replace(/\/home$/, '');
      workspaceId = /\/w\/([0-9a-f-]+)$/.exec(base)![1]!;
      anonymous = new Member(env.server.baseUrl, workspaceId);
      // her account is in Italian; she works in English here
      await page.waitForFunction(() => document.documentElement.lang === 'it');
      await pickLanguage(page, 'English');
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Community', exact: true }).click();
      await page.waitForURL(/\/community\/spaces$/);
      await page.getByRole('heading', { level: 1, name: 'Community' }).waitFor();
      await page.getByRole('link', { name: 'Open the public page' }).waitFor();
      assert.equal(await page.getByRole('link', { name: 'Open the public page' }).getAttribute('href'), `/c/${workspaceId}`);
      const sections = page.getByRole('navigation', { name: 'Community sections' });
      for (const s of ['Spaces', 'Approval queue', 'Members', 'Settings']) await sections.getByRole('link', { name: s }).waitFor();
      await page.getByRole('link', { name: 'Chiacchiere di caffè' }).waitFor();
      assert.deepEqual(await untranslatedKeys(page), []);
      assert.deepEqual(await axeProblems(page), []);
    });
  });

  test('she creates a space whose new threads need approval', async () => {
    await step(page, 'create-space', async () => {
      await page.getByRole('button', { name: 'New space' }).click();
      const dialog = page.getByRole('dialog', { name: 'New space' });
      await dialog.getByRole('textbox', { name: 'Space name', exact: true }).fill(SPACE.name);
      assert.equal(await dialog.getByRole('textbox', { name: 'Address (slug)' }).inputValue(), SPACE.slug);
      await dialog.getByRole('radio', { name: 'Public' }).check();
      await dialog.getByRole('checkbox', { name: 'New threads need approval' }).check();
      assert.deepEqual(await axeProblems(page), []);
      await dialog.getByRole('button', { name: 'Create space' }).click();
      await dialog.waitFor({ state: 'detached' });
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: SPACE.name }) });
      await row.getByText('Approval required').waitFor();
      await row.getByText('Public').waitFor();
      await snapshot(page, 'community-admin-spaces');
    });
  });

  test('a member starts a thread there: it waits in the queue, unseen by the public', async () => {
    const member = (anna = new Member(env.server.baseUrl, workspaceId));
    const signup = await member.call('POST', '/signup', { email: `anna.${Date.now()}@example.test`, password: 'correct horse battery staple', displayName: 'Anna Rossi' });
    assert.equal(signup.status, 201, JSON.stringify(signup.body));
    assert.equal((await member.call('POST', '/guidelines/acknowledge', {})).status, 200);
    const started = await member.call('POST', `/spaces/${SPACE.slug}/threads`, THREAD);
    assert.equal(started.status, 201, JSON.stringify(started.body));
    assert.equal(started.body.state, 'pending');
    const publicView = await anonymous.call('GET', `/spaces/${SPACE.slug}`);
    assert.deepEqual(publicView.body.threads, []);

    await step(page, 'queue', async () => {
      await page.getByRole('navigation', { name: 'Community sections' }).getByRole('link', { name: 'Approval queue' }).click();
      await page.getByRole('heading', { level: 2, name: 'Approval queue' }).waitFor();
      const item = page.getByTestId('pending-item').filter({ hasText: THREAD.title });
      await item.getByText('Anna Rossi').waitFor();
      await item.getByText('which blend').waitFor();
      await item.getByText(`in ${SPACE.name}`).waitFor();
      await snapshot(page, 'community-admin-queue');
      assert.deepEqual(await axeProblems(page), []);
      await item.getByRole('button', { name: `Approve the thread “${THREAD.title}”` }).click();
      await page.getByText('Approved: it is now published.').waitFor();
      await page.getByRole('heading', { name: 'Nothing waiting' }).waitFor();
    });
  });

  test('approved, the thread shows in the space; Giulia answers with the staff badge', async () => {
    await step(page, 'space-after-approval', async () => {
      await page.getByRole('navigation', { name: 'Community sections' }).getByRole('link', { name: 'Spaces' }).click();
      await page.getByRole('link', { name: SPACE.name }).click();
      await page.getByRole('heading', { level: 2, name: SPACE.name }).waitFor();
      const row = page.getByTestId('community-thread-row').filter({ hasText: THREAD.title });
      await row.waitFor();
      assert.equal(await row.getByText('Awaiting approval').count(), 0);
      const publicView = await anonymous.call('GET', `/spaces/${SPACE.slug}`);
      assert.deepEqual(
        publicView.body.threads.map((th: { title: string }) => th.title),
        [THREAD.title],
      );

      await row.getByRole('link', { name: THREAD.title }).click();
      await page.getByRole('heading', { level: 2, name: THREAD.title }).waitFor();
      await textbox(page, 'Your reply').fill('A medium roast works best on small machines: try our *Aurora* blend.');
      await page.getByRole('button', { name: 'Post reply' }).click();
      const reply = page.getByRole('article', { name: 'the reply by Giulia Conti' });
      await reply.getByText('Staff', { exact: true }).waitFor();
      await reply.getByText('Aurora').waitFor();
      assert.equal(await textbox(page, 'Your reply').inputValue(), '');
      const thread = await anonymous.call('GET', `/threads/${/threads\/([0-9a-f-]+)$/.exec(page.url())![1]}`);
      assert.equal(thread.body.posts.at(-1).author.kind, 'staff');
      assert.deepEqual(await untranslatedKeys(page), []);
      assert.deepEqual(await axeProblems(page), []);
      await snapshot(page, 'community-admin-thread');
    });
  });

  test('the members list finds the new member; the settings show the community', async () => {
    await step(page, 'members-settings', async () => {
      const sections = page.getByRole('navigation', { name: 'Community sections' });
      await sections.getByRole('link', { name: 'Members' }).click();
      await page.getByRole('searchbox', { name: 'Search members by name' }).fill('anna');
      const table = page.getByRole('table', { name: 'Community members' });
      await table.getByRole('cell', { name: 'Anna Rossi' }).waitFor();
      await table.getByText('Trust 0').waitFor();
      await page.getByRole('searchbox', { name: 'Search members by name' }).fill('nobody-by-this-name');
      await page.getByRole('heading', { name: 'No member matches “nobody-by-this-name”' }).waitFor();
      assert.deepEqual(await axeProblems(page), []);
      await sections.getByRole('link', { name: 'Settings' }).click();
      assert.equal(await textbox(page, 'Community name').inputValue(), 'Caffè Aurora Community');
      assert.equal(await page.getByRole('switch', { name: 'Sign-ups open' }).isChecked(), true);
      await page.getByRole('link', { name: `${env.server.baseUrl}/c/${workspaceId}` }).waitFor();
      assert.deepEqual(await axeProblems(page), []);
    });
  });

  test('Giulia starts an announcement thread: published at once, with the staff badge', async () => {
    await step(page, 'staff-thread', async () => {
      const title = 'Latte art evening on Friday';
      await page.getByRole('navigation', { name: 'Community sections' }).getByRole('link', { name: 'Spaces' }).click();
      await page.getByRole('link', { name: SPACE.name }).click();
      await page.getByRole('button', { name: 'Start a thread' }).click();
      await textbox(page, 'Thread title').fill(title);
      await textbox(page, 'First post').fill('Bring your own cup: we **pour together** at 7 pm.');
      await page.getByRole('button', { name: 'Start thread' }).click();
      await page.getByRole('heading', { level: 2, name: title }).waitFor();
      const opening = page.getByRole('article', { name: `the thread “${title}”` });
      await opening.getByText('Staff', { exact: true }).waitFor();
      await opening.getByText('pour together').waitFor();
      assert.equal(await page.getByText('Awaiting approval').count(), 0);
      const publicView = await anonymous.call('GET', `/spaces/${SPACE.slug}`);
      assert.ok(publicView.body.threads.some((th: { title: string }) => th.title === title));
      assert.deepEqual(await axeProblems(page), []);
    });
  });

  test('an analyst reads the community but sees no manager or moderator action', async () => {
    const { context, page: analyst } = await newUser(env.browser);
    await step(analyst, 'analyst', async () => {
      await analyst.goto(`${env.server.baseUrl}/signin`);
      await signIn(analyst, ANDREA, DEMO_PASSWORD);
      await analyst.waitForURL(/\/home$/);
      await analyst.goto(`${base}/community`);
      await analyst.waitForURL(/\/community\/spaces$/);
      const sections = analyst.getByRole('navigation', { name: 'Community sections' });
      await sections.getByRole('link', { name: 'Members' }).waitFor();
      assert.equal(await sections.getByRole('link', { name: 'Approval queue' }).count(), 0);
      await analyst.getByRole('link', { name: SPACE.name }).waitFor();
      assert.equal(await analyst.getByRole('button', { name: 'New space' }).count(), 0);
      assert.equal(await analyst.getByRole('button', { name: /^Edit / }).count(), 0);
      await analyst.getByRole('link', { name: SPACE.name }).click();
      await analyst.getByRole('link', { name: THREAD.title }).waitFor();
      assert.equal(await analyst.getByRole('button', { name: 'Start a thread' }).count(), 0);
      assert.equal(await analyst.getByRole('button', { name: 'Edit settings' }).count(), 0);
      await analyst.getByRole('link', { name: THREAD.title }).click();
      await analyst.getByRole('heading', { level: 2, name: THREAD.title }).waitFor();
      await analyst.getByRole('article', { name: 'the reply by Giulia Conti' }).waitFor();
      assert.equal(await textbox(analyst, 'Your reply').count(), 0);
      await analyst.goto(`${base}/community/settings`);
      await analyst.getByText('You can read these settings; only community managers and the owner change them.').waitFor();
      assert.equal(await analyst.getByRole('button', { name: 'Save' }).count(), 0);
      // the queue's address leads back to the spaces
      await analyst.goto(`${base}/community/queue`);
      await analyst.waitForURL(/\/community\/spaces$/);
    });
    await context.close();
  });

  test('made private, the space is read only by the members Giulia invites', async () => {
    await step(page, 'private-invites', async () => {
      await page.getByRole('navigation', { name: 'Community sections' }).getByRole('link', { name: 'Spaces' }).click();
      await page.getByRole('link', { name: SPACE.name }).click();
      await page.getByRole('button', { name: 'Edit settings' }).click();
      const dialog = page.getByRole('dialog', { name: `Settings of ${SPACE.name}` });
      assert.equal(await dialog.getByRole('checkbox', { name: 'New threads need approval' }).isChecked(), true);
      await dialog.getByRole('radio', { name: 'Private' }).check();
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('Nobody is invited yet.').waitFor();
      assert.equal((await anna.call('GET', `/spaces/${SPACE.slug}`)).status, 404);

      await page.getByRole('combobox', { name: 'Member' }).fill('Anna');
      await page.getByRole('option', { name: 'Anna Rossi' }).click();
      await page.getByRole('button', { name: 'Invite', exact: true }).click();
      const removeAnna = page.getByRole('button', { name: 'Remove Anna Rossi from this space' });
      await removeAnna.waitFor();
      assert.equal((await anna.call('GET', `/spaces/${SPACE.slug}`)).status, 200);
      assert.equal((await anonymous.call('GET', `/spaces/${SPACE.slug}`)).status, 404);
      assert.deepEqual(await axeProblems(page), []);

      await removeAnna.click();
      await page.getByText('Nobody is invited yet.').waitFor();
      assert.equal((await anna.call('GET', `/spaces/${SPACE.slug}`)).status, 404);
    });
  });

  test('in Italian, the community sections are labelled in Italian', async () => {
    await step(page, 'italian', async () => {
      await pickLanguage(page, 'Italiano');
      await page.waitForFunction(() => document.documentElement.lang === 'it');
      const sections = page.getByRole('navigation', { name: 'Sezioni della community' });
      await sections.getByRole('link', { name: 'Da approvare' }).waitFor();
      await sections.getByRole('link', { name: 'Spazi' }).click();
      await page.getByRole('button', { name: 'Nuovo spazio' }).waitFor();
      assert.deepEqual(await untranslatedKeys(page), []);
    });
  });
});
