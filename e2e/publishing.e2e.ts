/**
 * Journey: the whole publishing loop across two roles and two networks. The owner turns approval on,
 * connects a "sink-x" channel (X's weighted counting, 280) in Settings → Channels and a "sink" one
 * (300 graphemes), and invites a social media manager. She composes one post for both channels,
 * sees only the X-rules counter turn red for a text heavy with emoji (weight 2 each), shortens it,
 * saves, lets the draft autosave, submits it, and drags it on the week view to a time a few minutes
 * ahead (5-minute snapping). The owner hears of it from the bell, approves it (a post planned for
 * later is then scheduled), and keeps the composer open until it shows the post published on both
 * channels; the API confirms one successful attempt per channel.
 *
 * The browsers run in a fixed zone: Europe/Rome, or — when less than 70 minutes of Rome's day are
 * left (the post must be dropped on today's column) — America/New_York or Asia/Tokyo.
 * The server runs with ENABLE_SINK_CONNECTOR=true (the harness passes the env on).
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { DateTime } from 'luxon';
import type { BrowserContext, Page } from 'playwright-core';
import { dragEventTo, stepHeight } from './calendarDrag';
import { createWorkspace, journey, signUp, skipReason, snapshot, step, textbox } from './harness';

process.env.ENABLE_SINK_CONNECTOR = 'true';

const skip = skipReason();
const PASSWORD = 'correct horse battery staple';
const stamp = Date.now();
const OWNER = { name: 'Olga Owner', email: `olga.${stamp}@example.test`, password: PASSWORD };
const SMM = { name: 'Sam Social', email: `sam.${stamp}@example.test`, password: PASSWORD };
const X_ACCOUNT = 'bakery-x';
const SINK_NAME = 'Bakery sink';
/** 166 graphemes (fits the sink's 300), but 306 weighted characters on X's rules (each emoji weighs 2). */
const LONG = `Launch day at the bakery! ${'🥐'.repeat(140)}`;
const SHORT = 'Launch day at the bakery! 🥐🥐🥐 Fresh croissants from 7:00.';
const FINAL = `${SHORT} See you there!`;
/** Minutes of today that must be left in the chosen zone: planned +30 min and shown 30 min long, dropped ~3–8 min ahead. */
const NEEDED_MINUTES = 70;
/** The zones below have whole-hour offsets, so 5-minute steps of UTC are 5-minute steps of their wall clocks. */
const FIVE_MINUTES = 5 * 60_000;
const ZONE = ['Europe/Rome', 'America/New_York', 'Asia/Tokyo'].find((z) => DateTime.now().setZone(z).endOf('day').diffNow('minutes').minutes >= NEEDED_MINUTES)!;

describe('publishing journey: compose for two networks, drag on the calendar, approve as another role, watch it publish', { skip: skip ?? false, timeout: 900_000 }, () => {
  const env = journey();
  let owner: Page;
  let smm: Page;
  let base = '';
  let wsId = '';
  let postId = '';
  const channels = { x: '', sink: '' };
  let dropped: DateTime | null = null;

  /** A JSON request with the page's session cookie and CSRF token, like the web app makes. */
  async function api<T = any>(page: Page, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
    const { csrfToken } = (await (await page.request.get(`${env.server.baseUrl}/api/me`)).json()) as { csrfToken: string };
    const res = await page.request.fetch(`${env.server.baseUrl}${path}`, { method, headers: { 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, data: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    assert.ok(res.ok(), `${method} ${path} → ${res.status()} ${text}`);
    return JSON.parse(text) as T;
  }

  async function browserIn(zone: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await env.browser.newContext({ locale: 'en-US', timezoneId: zone, viewport: { width: 1400, height: 2200 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log(`[e2e] page error: ${e.message}`));
    return { context, page };
  }

  before(async () => {
    console.log(`[e2e] publishing journey runs in ${ZONE}`);
    owner = (await browserIn(ZONE)).page;
    smm = (await browserIn(ZONE)).page;
  });

  test('the owner turns approval on, connects a sink-x channel in Settings and a sink channel, and invites a social media manager', async () => {
    await step(owner, 'owner-setup', async () => {
      await owner.goto(`${env.server.baseUrl}/signup`);
      await signUp(owner, OWNER);
      await owner.waitForURL(/\/workspaces\/new$/);
      base = await createWorkspace(owner, 'Croissant Co');
      wsId = base.split('/w/')[1]!;
      const settings = await api<{ approvalRequired: boolean }>(owner, 'PATCH', `/api/workspaces/${wsId}/publishing/settings`, { approvalRequired: true });
      assert.equal(settings.approvalRequired, true);

      await owner.goto(`${base}/settings/channels`);
      await owner.getByRole('heading', { name: 'Channels', level: 2 }).waitFor();
      const network = owner.getByRole('combobox', { name: 'Network' });
      // the form offers what the server has (GET /api/networks), with translated names
      await network.locator('option', { hasText: 'Local sink, X rules (tests)' }).waitFor({ state: 'attached' });
      await network.selectOption('sink-x');
      await textbox(owner, 'Account name').fill(X_ACCOUNT);
      await owner.getByRole('button', { name: 'Connect', exact: true }).click();
      await owner.getByRole('cell', { name: X_ACCOUNT, exact: true }).first().waitFor();
      await owner.getByRole('cell', { name: 'Local sink, X rules (tests)', exact: true }).waitFor();
      await snapshot(owner, 'publishing-channels');

      const list = await api<{ channels: { id: string; network: string }[] }>(owner, 'GET', `/api/workspaces/${wsId}/channels`);
      channels.x = list.channels.find((c) => c.network === 'sink-x')!.id;
      channels.sink = (await api<{ id: string }>(owner, 'POST', `/api/workspaces/${wsId}/channels`, { network: 'sink', name: SINK_NAME, credentials: { account: 'bakery-sink' } })).id;
      await api(owner, 'POST', `/api/workspaces/${wsId}/invitations`, { email: SMM.email, roles: ['social_media_manager'] });
    });

    const mail = await env.server.waitForEmail((e) => e.to === SMM.email);
    const link = /(https?:\/\/\S+\/invite\?token=\S+)/.exec(mail.text)![1]!;
    await step(smm, 'smm-joins', async () => {
      await smm.goto(link);
      await smm.getByRole('link', { name: 'Create an account to accept' }).click();
      await smm.waitForURL(/\/signup\?/);
      await signUp(smm, { name: SMM.name, password: SMM.password });
      await smm.waitForURL(/\/invite\?token=/);
      await smm.getByRole('button', { name: 'Accept invitation' }).click();
      await smm.waitForURL(new RegExp(`${wsId}/home$`));
    });
  });

  test('the social media manager composes for both channels; only the X-rules counter turns red; she saves, autosaves and submits', async () => {
    await step(smm, 'compose', async () => {
      // planned half an hour ahead (on a 5-minute step), as a click on the calendar would
      const planned = DateTime.fromMillis(Math.floor((Date.now() + 30 * 60_000) / FIVE_MINUTES) * FIVE_MINUTES, { zone: ZONE });
      await smm.goto(`${base}/posts/new?at=${encodeURIComponent(planned.toUTC().toISO()!)}`);
      await smm.getByRole('checkbox', { name: `${X_ACCOUNT} (sink-x)` }).check();
      await smm.getByRole('checkbox', { name: `${SINK_NAME} (sink)` }).check();
      await textbox(smm, 'Text').fill(LONG);
      const xCounter = smm.getByTestId(`counter-${channels.x}`);
      const sinkCounter = smm.getByTestId(`counter-${channels.sink}`);
      await xCounter.getByText('306 / 280 weighted characters').waitFor();
      await xCounter.getByText('26 over the limit', { exact: false }).waitFor();
      await sinkCounter.getByText('166 / 300 characters').waitFor();
      assert.equal(await xCounter.getAttribute('data-ok'), 'false');
      assert.equal(await sinkCounter.getAttribute('data-ok'), 'true');
      await snapshot(smm, 'publishing-counter-red');

      await textbox(smm, 'Text').fill(SHORT);
      await xCounter.getByText('60 / 280 weighted characters').waitFor();
      assert.equal(await xCounter.getAttribute('data-ok'), 'true');
      assert.equal(await sinkCounter.getAttribute('data-ok'), 'true');
      await smm.getByRole('button', { name: 'Save draft' }).click();
      await smm.waitForURL(/\/posts\/[0-9a-f-]{36}$/);
      postId = /\/posts\/([0-9a-f-]{36})$/.exec(smm.url())![1]!;
      await smm.getByRole('heading', { level: 1 }).getByText('Draft', { exact: true }).waitFor();

      // a draft saves itself once the typing stops
      const before = await api<{ version: number; text: string; scheduledAt: string }>(smm, 'GET', `/api/workspaces/${wsId}/posts/${postId}`);
      assert.equal(before.text, SHORT);
      assert.equal(new Date(before.scheduledAt).getTime(), planned.toMillis());
      await textbox(smm, 'Text').fill(FINAL);
      await smm.getByTestId('autosave-state').getByText(/^Saved /).waitFor();
      const saved = await api<{ version: number; text: string }>(smm, 'GET', `/api/workspaces/${wsId}/posts/${postId}`);
      assert.equal(saved.text, FINAL);
      assert.ok(saved.version > before.version, `autosave made version ${saved.version} after ${before.version}`);

      await smm.getByRole('button', { name: 'Submit for review' }).click();
      await smm.getByRole('heading', { level: 1 }).getByText('In review', { exact: true }).waitFor();
      await snapshot(smm, 'publishing-submitted');
    });
  });

  test('she drags the post on the week view to a 5-minute step a few minutes ahead', async (t) => {
    await step(smm, 'drag', async () => {
      const today = DateTime.now().setZone(ZONE);
      await smm.goto(`${base}/calendar?date=${today.toISODate()}`);
      await smm.getByRole('heading', { name: 'Editorial calendar', level: 1 }).waitFor();
      await smm.locator('.fc-timeGridWeek-button').click();
      const column = smm.locator(`td.fc-timegrid-col[data-date="${today.toISODate()}"]`);
      await column.getByTestId(`event-${postId}`).waitFor();
      await snapshot(smm, 'publishing-calendar-before');

      // the first 5-minute step at least 3 minutes from now: time to approve before it is due
      const target = DateTime.fromMillis(Math.ceil((Date.now() + 3 * 60_000) / FIVE_MINUTES) * FIVE_MINUTES, { zone: ZONE });
      if (target.toISODate() !== today.toISODate()) {
        t.skip(`too late in the day in ${ZONE} to drop the post on today's column`);
        return;
      }
      // the middle of a wall time's 5-minute step in today's column: its 30-minute slot, plus the share of the slot
      const col = (await column.boundingBox())!;
      const snap = await stepHeight(smm);
      const lane = smm.locator(`td.fc-timegrid-slot-lane[data-time="${target.set({ minute: target.minute - (target.minute % 30) }).toFormat('HH:mm')}:00"]`);
      await lane.scrollIntoViewIfNeeded();
      const slot = (await lane.boundingBox())!;
      const event = smm.locator('.fc-timegrid-event', { has: smm.getByTestId(`event-${postId}`) });
      await dragEventTo(smm, event, { x: col.x + col.width / 2, y: slot.y + ((target.minute % 30) / 5) * snap + snap / 2 }, snap);
      await smm.getByText('Post moved.').waitFor();
      const moved = await api<{ scheduledAt: string; status: string }>(smm, 'GET', `/api/workspaces/${wsId}/posts/${postId}`);
      assert.equal(moved.scheduledAt, target.toUTC().toISO(), `dropped on ${target.toFormat('HH:mm')} ${ZONE}, the post is planned for ${DateTime.fromISO(moved.scheduledAt).setZone(ZONE).toFormat('HH:mm')}`);
      assert.equal(moved.status, 'in_review');
      assert.equal(target.minute % 5, 0);
      dropped = target;
      await column.getByTestId(`event-${postId}`).waitFor();
      await snapshot(smm, 'publishing-calendar-after-drag');
    });
  });

  test('the owner hears of it, approves it, and it is scheduled for the dropped time', async (t) => {
    if (!dropped) return t.skip('the post was not dropped on today (see the previous step)');
    await step(owner, 'approve', async () => {
      // a fresh load shows what the 30-second poll would bring
      await owner.goto(`${base}/home`);
      const bell = owner.getByRole('button', { name: /^Notifications \([1-9]\d* unread\)$/ });
      await bell.click();
      const item = owner.getByTestId('notification-list').getByRole('link', { name: new RegExp(`${SMM.name} asks you to review “Launch day at the bakery`) });
      await item.click();
      await owner.waitForURL(new RegExp(`/posts/${postId}$`));
      await owner.getByRole('heading', { level: 1 }).getByText('In review', { exact: true }).waitFor();
      await owner.getByRole('button', { name: 'Approve', exact: true }).click();
      await owner.getByRole('heading', { level: 1 }).getByText('Scheduled', { exact: true }).waitFor();
      const post = await api<{ status: string; scheduledAt: string }>(owner, 'GET', `/api/workspaces/${wsId}/posts/${postId}`);
      assert.equal(post.status, 'scheduled');
      assert.equal(post.scheduledAt, dropped!.toUTC().toISO());
      await snapshot(owner, 'publishing-approved');
    });
  });

  test('with the composer left open, the post goes out on both channels, once each', async (t) => {
    if (!dropped) return t.skip('the post was not dropped on today (see the previous step)');
    await step(owner, 'publish', async () => {
      const wait = Math.max(0, dropped!.toMillis() - Date.now()) + 5 * 60_000;
      console.log(`[e2e] waiting for ${dropped!.toFormat('HH:mm')} ${ZONE} (about ${Math.round(wait / 60_000)} min at most)`);
      // poll the API too, so a failure says where the post got stuck
      let last = '';
      const until = Date.now() + wait;
      for (;;) {
        const p = await api<{ status: string; targets: { state: string }[] }>(owner, 'GET', `/api/workspaces/${wsId}/posts/${postId}`);
        last = `${p.status} [${p.targets.map((x) => x.state).join(', ')}]`;
        if (['published', 'failed', 'unknown', 'cancelled'].includes(p.status)) break;
        assert.ok(Date.now() < until, `the post is still ${last}`);
        await new Promise((r) => setTimeout(r, 5000));
      }
      assert.equal(last, 'published [published, published]');
      // the page, never reloaded, follows it there
      await owner.getByRole('heading', { level: 1 }).getByText('Published', { exact: true }).waitFor({ timeout: 60_000 });
      const log = owner.getByTestId('attempt-log');
      for (const name of [X_ACCOUNT, SINK_NAME]) await log.getByRole('row').filter({ hasText: name }).getByText('Published', { exact: true }).waitFor({ timeout: 30_000 });
      await snapshot(owner, 'publishing-published');

      const done = await api<{ targets: { id: string; channelId: string; state: string }[] }>(owner, 'GET', `/api/workspaces/${wsId}/posts/${postId}`);
      assert.deepEqual(done.targets.map((x) => x.state).sort(), ['published', 'published']);
      assert.deepEqual(done.targets.map((x) => x.channelId).sort(), [channels.sink, channels.x].sort());
      const { attempts } = await api<{ attempts: { targetId: string; outcome: string }[] }>(owner, 'GET', `/api/workspaces/${wsId}/posts/${postId}/attempts`);
      for (const target of done.targets) {
        const mine = attempts.filter((a) => a.targetId === target.id);
        assert.deepEqual(mine.map((a) => a.outcome), ['success'], `channel ${target.channelId}: one successful attempt, got ${JSON.stringify(mine)}`);
      }
    });
  });
});
