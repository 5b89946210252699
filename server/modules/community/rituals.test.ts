import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobDefinition } from '../../jobs/defineJob';
import type { ApiClient } from '../../test/apiClient';
import { sql } from 'drizzle-orm';
import { addMember } from '../../test/workspaceMember';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { until } from '../../test/until';
import { postRitualOccurrence } from './commands/postRitualOccurrence';
import { nudgeUnansweredThreads } from './jobs/nudgeUnansweredThreads';
import { postRituals } from './jobs/postRituals';
import { communityOwner, createSpace, joinCommunity } from './testMembers';

/** Rituals and nudges through HTTP on both engines; the jobs run on the real queue with `now` in their payload. */
let t: TestTandem;
let ws: string;
let owner: ApiClient;
let spaceId: string;

beforeAll(async () => {
  t = await startTestTandem();
  ({ owner, workspaceId: ws } = await communityOwner(t, 'Caffè Rituals'));
  spaceId = (await createSpace(owner, ws, { name: 'Piazza', slug: 'piazza', defaultLanguage: 'it' })).id;
});
afterAll(async () => t?.stop());

const api = (p = '') => `/api/workspaces/${ws}/community/rituals${p}`;

/** Enqueues a job and waits until the worker has finished it. */
async function runJob<P>(job: JobDefinition<import('zod').ZodType<P>>, payload: P): Promise<void> {
  const id = await t.jobs.enqueue(t.database.db, job, payload);
  await until(`${job.id} to finish`, async () => {
    const { rows } = await t.database.executor.executeSql('SELECT state::text AS state, output FROM pgboss.job WHERE id = $1', [id]);
    const row = rows[0] as { state: string; output: unknown } | undefined;
    if (row?.state === 'failed' || row?.state === 'retry') throw new Error(`${job.id} failed: ${JSON.stringify(row.output)}`);
    return row?.state === 'completed';
  });
}

async function createRitual(body: Record<string, unknown>) {
  const res = await owner.post(api(), { spaceId, kind: 'thread', bodyTemplate: 'Raccontateci le vostre vittorie della settimana!', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; nextOccurrenceAt: string | null };
}
const occurrences = async (id: string) => (await owner.get(api(`/${id}/occurrences`))).body.occurrences as { occursAt: string; localOccursAt: string; threadId: string | null }[];
const threadsTitled = async (title: string) => ((await owner.get(`/api/workspaces/${ws}/community/spaces/${spaceId}`)).body.threads as { title: string }[]).filter((th) => th.title === title).length;

describe('rituals', () => {
  it('posts "every Friday 10:00 Europe/Rome" at 09:00Z before the March 2027 DST change and 08:00Z after it, once', async () => {
    const r = await createRitual({ titleTemplate: 'Vittorie della settimana: {{weekday}} {{date}}', rrule: 'FREQ=WEEKLY;BYDAY=FR', timeZone: 'Europe/Rome', startTime: '10:00', startsOn: '2027-03-20' });
    expect(r.nextOccurrenceAt).toBe('2027-03-26T09:00:00.000Z');
    const preview = (await owner.get(api(`/${r.id}/preview`))).body;
    expect(preview.occurrences.map((o: { occursAt: string }) => o.occursAt)).toEqual(['2027-03-26T09:00:00.000Z', '2027-04-02T08:00:00.000Z', '2027-04-09T08:00:00.000Z', '2027-04-16T08:00:00.000Z', '2027-04-23T08:00:00.000Z']);
    expect(new Set(preview.occurrences.map((o: { localOccursAt: string }) => o.localOccursAt.slice(11)))).toEqual(new Set(['10:00']));

    await runJob(postRituals, { now: '2027-03-26T08:59:00Z' });
    expect(await occurrences(r.id)).toEqual([]);

    await runJob(postRituals, { now: '2027-03-26T09:00:30Z' });
    const [first] = await occurrences(r.id);
    expect(first).toMatchObject({ occursAt: '2027-03-26T09:00:00.000Z', localOccursAt: '2027-03-26T10:00' });
    const thread = (await owner.get(`/api/workspaces/${ws}/community/threads/${first!.threadId}`)).body;
    expect(thread.title).toBe('Vittorie della settimana: venerdì 26 marzo 2027');
    expect(thread.author).toMatchObject({ kind: 'staff', id: null, displayName: 'Caffè Rituals Owner' });
    expect(thread.posts[0].bodySource).toBe('Raccontateci le vostre vittorie della settimana!');
    const after = (await owner.get(api())).body.rituals.find((x: { id: string }) => x.id === r.id);
    expect(after).toMatchObject({ nextOccurrenceAt: '2027-04-02T08:00:00.000Z', lastOccurrenceAt: '2027-03-26T09:00:00.000Z', lastError: null });

    // Re-running, and two runs at once, post nothing twice.
    await runJob(postRituals, { now: '2027-03-26T09:00:30Z' });
    await Promise.all([runJob(postRituals, { now: '2027-03-26T09:05:00Z' }), runJob(postRituals, { now: '2027-03-26T09:05:00Z' })]);
    expect(await occurrences(r.id)).toHaveLength(1);
    expect(await threadsTitled(thread.title)).toBe(1);

    await runJob(postRituals, { now: '2027-04-02T08:00:10Z' });
    const list = await occurrences(r.id);
    expect(list.map((o) => [o.occursAt, o.localOccursAt])).toEqual([
      ['2027-04-02T08:00:00.000Z', '2027-04-02T10:00'],
      ['2027-03-26T09:00:00.000Z', '2027-03-26T10:00'],
    ]);
    expect(await threadsTitled('Vittorie della settimana: venerdì 2 aprile 2027')).toBe(1);
  });

  it('after missed runs posts only the latest occurrence, not a flood', async () => {
    const r = await createRitual({ titleTemplate: 'Daily check-in {{date}}', rrule: 'FREQ=DAILY', timeZone: 'UTC', startTime: '09:00', startsOn: '2027-05-01' });
    await runJob(postRituals, { now: '2027-05-06T12:00:00Z' });
    expect((await occurrences(r.id)).map((o) => o.occursAt)).toEqual(['2027-05-06T09:00:00.000Z']);
    expect((await owner.get(api())).body.rituals.find((x: { id: string }) => x.id === r.id).nextOccurrenceAt).toBe('2027-05-07T09:00:00.000Z');
  });

  it('two runs at the same moment post an occurrence once (the ritual row is locked, the occurrence claimed)', async () => {
    const r = await createRitual({ titleTemplate: 'Race {{date}}', rrule: 'FREQ=DAILY', timeZone: 'UTC', startTime: '07:00', startsOn: '2027-07-01' });
    const now = new Date('2027-07-01T07:00:01Z');
    const outcomes = await Promise.all([1, 2, 3].map(() => postRitualOccurrence({ db: t.database.db, ritualId: r.id, now })));
    expect(outcomes.filter((o) => o === 'posted')).toHaveLength(1);
    expect(await occurrences(r.id)).toHaveLength(1);
    expect(await threadsTitled('Race 1 luglio 2027')).toBe(1);
  });

  it('"AMA the first Thursday of the month" posts a thread with its event, ahead by leadHours', async () => {
    const r = await createRitual({
      kind: 'event',
      titleTemplate: 'AMA con il barista: {{date}}',
      bodyTemplate: 'Fate le vostre domande, {{weekday}} alle {{time}}.',
      rrule: 'FREQ=MONTHLY;BYDAY=1TH',
      timeZone: 'Europe/Rome',
      startTime: '18:30',
      startsOn: '2027-01-01',
      leadHours: 48,
      eventDurationMinutes: 60,
      eventOnlineUrl: 'https://meet.example.test/ama',
      eventCapacity: 30,
    });
    const preview = (await owner.get(api(`/${r.id}/preview`))).body.occurrences.map((o: { localOccursAt: string }) => o.localOccursAt);
    expect(preview).toEqual(['2027-01-07T18:30', '2027-02-04T18:30', '2027-03-04T18:30', '2027-04-01T18:30', '2027-05-06T18:30']);

    await runJob(postRituals, { now: '2027-01-05T17:00:00Z' }); // 48 h 30 min ahead: not yet
    expect(await occurrences(r.id)).toEqual([]);
    await runJob(postRituals, { now: '2027-01-05T17:31:00Z' });
    const [o] = await occurrences(r.id);
    const thread = (await owner.get(`/api/workspaces/${ws}/community/threads/${o!.threadId}`)).body;
    expect(thread.title).toBe('AMA con il barista: 7 gennaio 2027');
    expect(thread.posts[0].bodySource).toBe('Fate le vostre domande, giovedì alle 18:30.');
    const ev = (await owner.get(`/api/workspaces/${ws}/community/threads/${o!.threadId}/event`)).body;
    expect(ev).toMatchObject({ startsAt: '2027-01-07T17:30:00.000Z', localStartsAt: '2027-01-07T18:30', localEndsAt: '2027-01-07T19:30', timeZone: 'Europe/Rome', onlineUrl: 'https://meet.example.test/ama', capacity: 30 });
  });

  it('refuses bad rules, zones, times and templates with a message saying what is wrong, and saves nothing', async () => {
    const before = (await owner.get(api())).body.rituals.length;
    const base = { spaceId, kind: 'thread', titleTemplate: 'Weekly wins', bodyTemplate: 'Share!', rrule: 'FREQ=WEEKLY;BYDAY=FR', timeZone: 'Europe/Rome', startTime: '10:00' };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ rrule: 'FREQ=MINUTELY' }, 'rrule', /more than once an hour/],
      [{ rrule: 'FREQ=WEEKLY;BYDAY=XX' }, 'rrule', /"XX" is not a day/],
      [{ rrule: 'FREQ=WEEKLY;BYDAY=1TH' }, 'rrule', /only goes with FREQ=MONTHLY/],
      [{ rrule: 'FREQ=DAILY;BYHOUR=9,10' }, 'rrule', /time of day comes from startTime/],
      [{ rrule: 'FREQ=WEEKLY;FOO=1' }, 'rrule', /FOO is not an RRULE part/],
      [{ rrule: 'BYDAY=MO' }, 'rrule', /needs a FREQ/],
      [{ rrule: 'FREQ=DAILY;INTERVAL=abc' }, 'rrule', /INTERVAL takes whole numbers/],
      [{ rrule: 'FREQ=DAILY;UNTIL=20200101' }, 'rrule', /no occurrence after/],
      [{ rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' }, 'rrule', /no occurrence/],
      [{ rrule: 'DTSTART:20270101T100000\nRRULE:FREQ=DAILY' }, 'rrule', /one RRULE line/],
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone', /not a time zone we know/],
      [{ startTime: '25:00' }, 'startTime', /HH:mm/],
      [{ titleTemplate: 'Wins of {{fortnight}}' }, 'titleTemplate', /\{\{fortnight\}\} is not a placeholder/],
      [{ kind: 'event' }, 'eventDurationMinutes', /needs eventDurationMinutes/],
      [{ kind: 'event', eventDurationMinutes: 60 }, 'eventPlace', /Say where/],
    ];
    for (const [change, field, message] of cases) {
      const res = await owner.post(api(), { ...base, ...change });
      expect(res.status, JSON.stringify(change)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      const fields: Record<string, string> = res.body.error.details?.fields ?? {};
      expect([res.body.error.message, ...Object.values(fields)].join(' | '), JSON.stringify(change)).toMatch(message);
      expect(Object.keys(res.body.error.details?.fields ?? {}), JSON.stringify(res.body.error)).toContain(field);
    }
    const preview = await owner.post(api('/preview'), { rrule: 'FREQ=SECONDLY', timeZone: 'Europe/Rome', startTime: '10:00' });
    expect(preview.status).toBe(400);
    expect(preview.body.error.message).toMatch(/more than once an hour/);
    expect((await owner.get(api())).body.rituals).toHaveLength(before);
  });

  it('previews an unsaved rule; pauses, resumes, changes and deletes a ritual', async () => {
    const preview = (await owner.post(api('/preview'), { rrule: 'FREQ=MONTHLY;BYDAY=-1FR', timeZone: 'America/New_York', startTime: '09:00', startsOn: '2027-10-01' })).body;
    expect(preview.occurrences.map((o: { localOccursAt: string }) => o.localOccursAt)).toEqual(['2027-10-29T09:00', '2027-11-26T09:00', '2027-12-31T09:00', '2028-01-28T09:00', '2028-02-25T09:00']);
    // New York leaves DST on 7 November 2027: 13:00Z then 14:00Z.
    expect(preview.occurrences.slice(0, 2).map((o: { occursAt: string }) => o.occursAt)).toEqual(['2027-10-29T13:00:00.000Z', '2027-11-26T14:00:00.000Z']);

    const r = await createRitual({ titleTemplate: 'Presentati! Settimana {{week}}', bodyTemplate: 'Chi sei, cosa ti porta qui?', rrule: 'FREQ=WEEKLY;BYDAY=MO', timeZone: 'Europe/Rome', startTime: '09:00', startsOn: '2027-06-01' });
    expect(r.nextOccurrenceAt).toBe('2027-06-07T07:00:00.000Z');
    const paused = await owner.patch(api(`/${r.id}`), { active: false });
    expect(paused.body).toMatchObject({ active: false, nextOccurrenceAt: null });
    await runJob(postRituals, { now: '2027-06-07T07:00:30Z' });
    expect(await occurrences(r.id)).toEqual([]);
    const resumed = await owner.patch(api(`/${r.id}`), { active: true, startTime: '09:30' });
    expect(resumed.body).toMatchObject({ active: true, startTime: '09:30', nextOccurrenceAt: '2027-06-07T07:30:00.000Z' });
    await runJob(postRituals, { now: '2027-06-07T07:30:30Z' });
    const [o] = await occurrences(r.id);
    expect((await owner.get(`/api/workspaces/${ws}/community/threads/${o!.threadId}`)).body.title).toBe('Presentati! Settimana 23');
    const badUpdate = await owner.patch(api(`/${r.id}`), { rrule: 'FREQ=WEEKLY;BYSECOND=1' });
    expect(badUpdate.status).toBe(400);
    expect((await owner.delete(api(`/${r.id}`))).status).toBe(200);
    expect((await owner.get(api(`/${r.id}/preview`))).status).toBe(404);
    // The thread it posted stays.
    expect((await owner.get(`/api/workspaces/${ws}/community/threads/${o!.threadId}`)).status).toBe(200);
  });

  it('keeps the reason when the author can no longer post, and moves on to the next occurrence', async () => {
    const cm = await addMember(t, ws, ['community_manager']);
    const res = await cm.post(api(), { spaceId, kind: 'thread', titleTemplate: 'Show and tell', bodyTemplate: 'Show us!', rrule: 'FREQ=WEEKLY;BYDAY=WE', timeZone: 'UTC', startTime: '17:00', startsOn: '2027-08-01' });
    expect(res.status).toBe(201);
    await t.database.db.execute(sql`UPDATE workspace_members SET roles = '{analyst}', hat = 'analyst' WHERE workspace_id = ${ws} AND 'community_manager' = ANY(roles)`);
    await runJob(postRituals, { now: '2027-08-04T17:00:10Z' });
    expect((await occurrences(res.body.id)).map((o) => [o.occursAt, o.threadId])).toEqual([['2027-08-04T17:00:00.000Z', null]]);
    const r = (await owner.get(api())).body.rituals.find((x: { id: string }) => x.id === res.body.id);
    expect(r).toMatchObject({ lastOccurrenceAt: null, nextOccurrenceAt: '2027-08-11T17:00:00.000Z' });
    expect(r.lastError).toMatch(/^2027-08-04T17:00: The team member who created this ritual can no longer post/);
    expect(await threadsTitled('Show and tell')).toBe(0);
  });

  it("keeps another workspace's rituals out of reach", async () => {
    const r = await createRitual({ titleTemplate: 'Private ritual', rrule: 'FREQ=DAILY', timeZone: 'UTC', startTime: '08:00', startsOn: '2027-09-01' });
    const other = await communityOwner(t, 'Other Rituals');
    const path = `/api/workspaces/${other.workspaceId}/community/rituals`;
    expect((await other.owner.get(`${path}/${r.id}/preview`)).status).toBe(404);
    expect((await other.owner.patch(`${path}/${r.id}`, { active: false })).status).toBe(404);
    expect((await other.owner.delete(`${path}/${r.id}`)).status).toBe(404);
    expect((await other.owner.get(path)).body.rituals).toEqual([]);
    const otherSpace = await createSpace(other.owner, other.workspaceId, { name: 'Theirs', slug: 'theirs' });
    expect((await owner.post(api(), { spaceId: otherSpace.id, kind: 'thread', titleTemplate: 'Sneaky', bodyTemplate: 'x', rrule: 'FREQ=DAILY', timeZone: 'UTC', startTime: '08:00' })).status).toBe(404);
  });
});

describe('nudges', () => {
  it('tells the moderators once about a thread nobody answered for nudgeAfterHours', async () => {
    const nudgy = await createSpace(owner, ws, { name: 'Domande', slug: 'domande', nudgeAfterHours: 2 });
    expect((await owner.get(`/api/workspaces/${ws}/community/spaces/${nudgy.id}`)).body.space.nudgeAfterHours).toBe(2);
    const quiet = await createSpace(owner, ws, { name: 'Quiet', slug: 'quiet' });
    const m = await joinCommunity(t, ws);
    const lonely = (await m.post('/spaces/domande/threads', { title: 'Which grinder for espresso?', body: 'Budget 200 euro.' })).body;
    const answered = (await m.post('/spaces/domande/threads', { title: 'Best milk for latte art?', body: 'Oat or whole?' })).body;
    expect((await owner.post(`/api/workspaces/${ws}/community/threads/${answered.id}/replies`, { body: 'Whole milk, cold.' })).status).toBe(201);
    await m.post('/spaces/quiet/threads', { title: 'Nobody nudges here', body: 'Silence' });
    const unanswered = async () => ((await owner.get(`/api/workspaces/${ws}/notifications`)).body.notifications as { kind: string; payload: Record<string, string> }[]).filter((n) => n.kind === 'community.thread_unanswered');

    await runJob(nudgeUnansweredThreads, { now: new Date(Date.now() + 60 * 60_000).toISOString() });
    expect(await unanswered()).toEqual([]);
    const later = new Date(Date.now() + 3 * 3_600_000).toISOString();
    await runJob(nudgeUnansweredThreads, { now: later });
    const [n, ...more] = await unanswered();
    expect(more).toEqual([]);
    expect(n!.payload).toMatchObject({ threadId: lonely.id, threadTitle: 'Which grinder for espresso?', spaceName: 'Domande', hours: '2' });
    await runJob(nudgeUnansweredThreads, { now: later });
    await runJob(nudgeUnansweredThreads, { now: new Date(Date.now() + 5 * 3_600_000).toISOString() });
    expect(await unanswered()).toHaveLength(1);
    expect((await owner.patch(`/api/workspaces/${ws}/community/spaces/${quiet.id}`, { nudgeAfterHours: 0 })).status).toBe(400);
  });
});
