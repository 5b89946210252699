/**
 * Journey: the editorial calendar. The browser runs in Europe/Rome. A post scheduled through the API
 * for tomorrow shows in the week view; dragging it with the real mouse to another slot reschedules
 * it (checked through the API); a channel filter hides it; month and list views show it. A draft
 * dragged across the daylight-saving change to 09:00 lands on 09:00 Rome time (the new offset).
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { dragEventTo, stepHeight } from './calendarDrag';
import { createWorkspace, journey, signUp, skipReason, snapshot, step } from './harness';

process.env.ENABLE_SINK_CONNECTOR = 'true';

const skip = skipReason();
const ZONE = 'Europe/Rome';
const OWNER = { name: 'Carla Calendar', email: `carla.${Date.now()}@example.test`, password: 'correct horse battery staple' };
const TEXT = 'Calendar journey: autumn menu teaser';

describe('calendar journey: week view, drag to reschedule, filters, month and list, DST', { skip: skip ?? false, timeout: 300_000 }, () => {
  const env = journey();
  let page: Page;
  let base = '';
  let wsId = '';
  let csrf = '';
  const channels: Record<'a' | 'b', string> = { a: '', b: '' };
  let postId = '';

  async function api<T = any>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
    const res = await page.request.fetch(`${env.server.baseUrl}${path}`, { method, headers: { 'x-csrf-token': csrf, 'content-type': 'application/json' }, data: body === undefined ? undefined : JSON.stringify(body) });
    const json = (await res.json()) as T;
    assert.ok(res.ok(), `${method} ${path} → ${res.status()} ${JSON.stringify(json)}`);
    return json;
  }

  /** Drag the event with the real mouse to the slot of `date` at `time` (see calendarDrag.ts). */
  async function drag(id: string, date: string, time: string) {
    const event = page.locator('.fc-timegrid-event', { has: page.getByTestId(`event-${id}`) });
    await event.scrollIntoViewIfNeeded();
    const col = (await page.locator(`td.fc-timegrid-col[data-date="${date}"]`).boundingBox())!;
    const slot = (await page.locator(`td.fc-timegrid-slot-lane[data-time="${time}"]`).boundingBox())!;
    const snap = await stepHeight(page);
    await dragEventTo(page, event, { x: col.x + col.width / 2, y: slot.y + snap / 2 }, snap);
  }

  before(async () => {
    const context = await env.browser.newContext({ locale: 'en-US', timezoneId: ZONE, viewport: { width: 1400, height: 2200 } });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    page.on('pageerror', (e) => console.log(`[e2e] page error: ${e.message}`));
  });

  test('the owner signs up; two sink channels and a post scheduled for tomorrow exist', async () => {
    await step(page, 'setup', async () => {
      await page.goto(`${env.server.baseUrl}/signup`);
      await signUp(page, OWNER);
      await page.waitForURL(/\/workspaces\/new$/);
      base = await createWorkspace(page, 'Calendar Co');
      wsId = base.split('/w/')[1]!;
      csrf = (await (await page.request.get(`${env.server.baseUrl}/api/me`)).json()).csrfToken;
      channels.a = (await api<{ id: string }>('POST', `/api/workspaces/${wsId}/channels`, { network: 'sink', name: 'Rome bakery', credentials: { account: 'cal-a' } })).id;
      channels.b = (await api<{ id: string }>('POST', `/api/workspaces/${wsId}/channels`, { network: 'sink', name: 'Milan bakery', credentials: { account: 'cal-b' } })).id;
      const at = DateTime.now().setZone(ZONE).plus({ days: 1 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
      postId = (await api<{ id: string }>('POST', `/api/workspaces/${wsId}/posts`, { text: TEXT, channelIds: [channels.a] })).id;
      const scheduled = await api<{ status: string }>('POST', `/api/workspaces/${wsId}/posts/${postId}/schedule`, { scheduledAt: at.toUTC().toISO() });
      assert.equal(scheduled.status, 'scheduled');
    });
  });

  test('the week view shows the post; dragging it to another day and time reschedules it', async () => {
    await step(page, 'drag', async () => {
      const tomorrow = DateTime.now().setZone(ZONE).plus({ days: 1 });
      await page.goto(`${base}/calendar?date=${tomorrow.toISODate()}`);
      await page.getByRole('heading', { name: 'Editorial calendar', level: 1 }).waitFor();
      const event = page.getByTestId(`event-${postId}`);
      await event.getByText(TEXT).waitFor();
      await event.getByText('Rome bakery').waitFor();
      // another day of the same week when there is one, else a later time on the same day
      const next = tomorrow.plus({ days: 1 });
      const target = (await page.locator(`td.fc-timegrid-col[data-date="${next.toISODate()}"]`).count()) ? next : tomorrow;
      await snapshot(page, 'calendar-week');
      await drag(postId, target.toISODate()!, '14:00:00');
      await page.getByText('Post moved.').waitFor();
      const expected = DateTime.fromISO(`${target.toISODate()}T14:00`, { zone: ZONE }).toMillis();
      const post = await api<{ scheduledAt: string; status: string }>('GET', `/api/workspaces/${wsId}/posts/${postId}`);
      assert.equal(new Date(post.scheduledAt).getTime(), expected, `scheduledAt ${post.scheduledAt} should be ${target.toISODate()} 14:00 in ${ZONE}`);
      assert.equal(post.status, 'scheduled');
      await page.locator(`td.fc-timegrid-col[data-date="${target.toISODate()}"]`).getByTestId(`event-${postId}`).waitFor();
      await snapshot(page, 'calendar-week-after-drag');
    });
  });

  test('a channel filter hides the post; month and list views show it', async () => {
    await step(page, 'filters-views', async () => {
      const event = page.getByTestId(`event-${postId}`);
      await page.getByRole('combobox', { name: 'Channel' }).selectOption({ label: 'Milan bakery' });
      await event.waitFor({ state: 'detached' });
      await page.getByRole('combobox', { name: 'Channel' }).selectOption({ label: 'Rome bakery' });
      await event.waitFor();
      await page.getByRole('combobox', { name: 'Channel' }).selectOption({ label: 'All channels' });
      await page.locator('.mantine-SegmentedControl-root').getByText('Status', { exact: true }).click();
      assert.equal(await page.getByRole('radio', { name: 'Status' }).isChecked(), true);
      await page.getByTestId('calendar-legend').getByText('Scheduled').waitFor();

      await page.locator('.fc-dayGridMonth-button').click();
      await page.locator('.fc-dayGridMonth-view').waitFor();
      await event.getByText(TEXT).waitFor();
      await snapshot(page, 'calendar-month');
      await page.locator('.fc-listWeek-button').click();
      await page.locator('.fc-list').waitFor();
      await page.locator('.fc-list-event').filter({ hasText: TEXT }).waitFor();
      await snapshot(page, 'calendar-list');
    });
  });

  test('campaigns are created in the calendar and offered as a filter', async () => {
    await step(page, 'campaigns', async () => {
      await page.getByRole('button', { name: 'Campaigns' }).click();
      const dialog = page.getByRole('dialog', { name: 'Campaigns' });
      await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Autumn menu');
      await dialog.getByRole('combobox', { name: 'Colour', exact: true }).selectOption({ label: 'Orange' });
      await dialog.getByRole('button', { name: 'Add campaign' }).click();
      await dialog.getByRole('textbox', { name: 'Name of campaign Autumn menu' }).waitFor();
      await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('autumn MENU');
      await dialog.getByRole('button', { name: 'Add campaign' }).click();
      await dialog.getByText('There is already a campaign called "Autumn menu" in this workspace. Pick another name.').waitFor();
      await snapshot(page, 'calendar-campaigns');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      const campaignId = (await api<{ campaigns: { id: string; name: string }[] }>('GET', `/api/workspaces/${wsId}/campaigns`)).campaigns.find((c) => c.name === 'Autumn menu')!.id;
      const at = DateTime.now().setZone(ZONE).plus({ days: 1 }).set({ hour: 8, minute: 0, second: 0, millisecond: 0 });
      const inCampaign = (await api<{ id: string }>('POST', `/api/workspaces/${wsId}/posts`, { text: 'Pumpkin bread is back', channelIds: [channels.b], campaignId, scheduledAt: at.toUTC().toISO() })).id;
      const filter = page.getByRole('combobox', { name: 'Campaign', exact: true });
      await filter.selectOption({ label: 'Autumn menu' });
      await page.getByTestId(`event-${inCampaign}`).getByText('Autumn menu ·').waitFor();
      await page.getByTestId(`event-${postId}`).waitFor({ state: 'detached' });
      await filter.selectOption({ label: 'All campaigns' });
      await page.getByTestId(`event-${postId}`).waitFor();
    });
  });

  test('a draft dragged across the daylight-saving change to 09:00 is planned for 09:00 Rome time', async () => {
    await step(page, 'dst', async () => {
      // the next Sunday on which Rome's offset changes, at least two days ahead
      let change = DateTime.now().setZone(ZONE).startOf('day').plus({ days: 2 });
      while (change.offset === change.plus({ days: 1 }).offset) change = change.plus({ days: 1 });
      // the offset changes during `change` (at 02:00 or 03:00): 01:00 is still the old one
      const before = change.set({ hour: 1 }); // still the old offset
      const monday = change.plus({ days: 1 });
      assert.notEqual(before.offset, monday.offset);
      const draft = (await api<{ id: string }>('POST', `/api/workspaces/${wsId}/posts`, { text: 'Across the clock change', channelIds: [channels.b], scheduledAt: before.toUTC().toISO() })).id;
      await page.goto(`${base}/calendar?date=${change.toISODate()}`);
      await page.locator('.fc-timeGridWeek-button').click();
      await page.locator(`td.fc-timegrid-col[data-date="${change.toISODate()}"]`).getByTestId(`event-${draft}`).waitFor();
      const target = (await page.locator(`td.fc-timegrid-col[data-date="${monday.toISODate()}"]`).count()) ? monday : change;
      await drag(draft, target.toISODate()!, '09:00:00');
      await page.getByText('Post moved.').first().waitFor();
      const post = await api<{ scheduledAt: string; status: string }>('GET', `/api/workspaces/${wsId}/posts/${draft}`);
      const expected = DateTime.fromISO(`${target.toISODate()}T09:00`, { zone: ZONE });
      assert.equal(post.scheduledAt, expected.toUTC().toISO(), `09:00 ${ZONE} on ${target.toISODate()} is ${expected.toUTC().toISO()} (offset ${expected.offset / 60} h)`);
      assert.equal(post.status, 'draft');
      await snapshot(page, 'calendar-dst');
    });
  });
  test('a move the server refuses, or one into the past, is put back with a message', async () => {
    await step(page, 'refused', async () => {
      const zoneNow = DateTime.now().setZone(ZONE);
      const tomorrow = zoneNow.plus({ days: 1 });
      const at = tomorrow.set({ hour: 11, minute: 0, second: 0, millisecond: 0 });
      // over the sink's 300-character limit: it may be approved, but not scheduled
      const long = (await api<{ id: string }>('POST', `/api/workspaces/${wsId}/posts`, { text: `Too long ${'x'.repeat(300)}`, channelIds: [channels.a], scheduledAt: at.toUTC().toISO() })).id;
      await api('POST', `/api/workspaces/${wsId}/posts/${long}/submit`, {});
      assert.equal((await api<{ status: string }>('POST', `/api/workspaces/${wsId}/posts/${long}/approve`, {})).status, 'approved');
      await page.goto(`${base}/calendar?date=${tomorrow.toISODate()}`);
      await page.locator('.fc-timeGridWeek-button').click();
      const home = page.locator(`td.fc-timegrid-col[data-date="${tomorrow.toISODate()}"]`);
      await home.getByTestId(`event-${long}`).waitFor();
      await drag(long, tomorrow.toISODate()!, '16:00:00');
      await page.getByText('The text for Rome bakery is 309 characters long; the limit is 300', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Switch to dark mode' }).click();
      await snapshot(page, 'calendar-refused-dark');
      await page.getByRole('button', { name: 'Switch to light mode' }).click();
      const after = await api<{ scheduledAt: string; status: string }>('GET', `/api/workspaces/${wsId}/posts/${long}`);
      assert.equal(new Date(after.scheduledAt).getTime(), at.toMillis());
      assert.equal(after.status, 'approved');
      await home.getByTestId(`event-${long}`).getByText('11:00', { exact: false }).waitFor();

      // into the past: today at 01:00, when today is in the week shown (the pointer ends a little
      // above the slot, see calendarDrag.ts, so not the grid's first slot)
      const today = zoneNow.toISODate()!;
      if ((await page.locator(`td.fc-timegrid-col[data-date="${today}"]`).count()) && zoneNow.hour >= 2) {
        await drag(postId, today, '01:00:00');
        await page.getByText('That time has already passed').waitFor();
        const still = await api<{ scheduledAt: string }>('GET', `/api/workspaces/${wsId}/posts/${postId}`);
        assert.ok(new Date(still.scheduledAt).getTime() > Date.now(), 'the post keeps its future time');
      }
    });
  });
  test('clicking an empty slot opens a new post planned for that instant', async () => {
    await step(page, 'new-at-slot', async () => {
      const day = DateTime.now().setZone(ZONE).plus({ days: 1 });
      await page.goto(`${base}/calendar?date=${day.toISODate()}`);
      await page.locator('.fc-timeGridWeek-button').click();
      const col = (await page.locator(`td.fc-timegrid-col[data-date="${day.toISODate()}"]`).boundingBox())!;
      const lane = page.locator('td.fc-timegrid-slot-lane[data-time="18:30:00"]');
      await lane.scrollIntoViewIfNeeded();
      const slot = (await lane.boundingBox())!;
      await page.mouse.click(col.x + col.width / 2, slot.y + slot.height / 2);
      await page.waitForURL(/\/posts\/new\?at=/);
      const at = new URL(page.url()).searchParams.get('at')!;
      assert.equal(new Date(at).getTime(), DateTime.fromISO(`${day.toISODate()}T18:30`, { zone: ZONE }).toMillis(), `at=${at}`);
    });
  });
});
