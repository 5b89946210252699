import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ApiClient } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { communityOwner, createSpace, joinCommunity, MemberClient } from './testMembers';

/** Events through HTTP on both engines: time zones, capacity, answers, iCalendar, isolation. */
let t: TestTandem;
let ws: string;
let owner: ApiClient;

beforeAll(async () => {
  t = await startTestTandem();
  ({ owner, workspaceId: ws } = await communityOwner(t, 'Caffè Events'));
  await createSpace(owner, ws, { name: 'Open', slug: 'open' });
  await createSpace(owner, ws, { name: 'Secret', slug: 'secret', visibility: 'private' });
});
afterAll(async () => t?.stop());

const tasting = { title: 'Cupping night', startsAt: '2027-03-12T18:30', endsAt: '2027-03-12T20:00', timeZone: 'Europe/Rome', place: 'Caffè Aurora, Via Roma 1' };

async function eventThread(author: MemberClient, event: Record<string, unknown> = {}) {
  const res = await author.post('/spaces/open/threads', { title: 'Come cupping', body: 'Details below', event: { ...tasting, ...event } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}
/** Far ahead, so answers stay open whenever the tests run (answers close once an event is over). */
const farAhead = { startsAt: '2099-06-01T18:00', endsAt: '2099-06-01T20:00' };
const rsvp = (m: MemberClient, threadId: string, status: string) => m.request('PUT', `/threads/${threadId}/event/rsvp`, { status });

describe('creating events', () => {
  it('stores wall-clock times of the IANA zone as instants and shows both', async () => {
    const a = await joinCommunity(t, ws);
    const threadId = await eventThread(a);
    const ev = (await a.get(`/threads/${threadId}/event`)).body;
    // Rome is UTC+1 in March before the DST change (28 March 2027).
    expect(ev).toMatchObject({ startsAt: '2027-03-12T17:30:00.000Z', endsAt: '2027-03-12T19:00:00.000Z', timeZone: 'Europe/Rome', localStartsAt: '2027-03-12T18:30', localEndsAt: '2027-03-12T20:00', capacity: null, seatsLeft: null, going: 0, myRsvp: null });
    const summer = (await a.get(`/threads/${await eventThread(a, { startsAt: '2027-07-01T18:30', endsAt: '2027-07-01T20:00' })}/event`)).body;
    expect(summer.startsAt).toBe('2027-07-01T16:30:00.000Z');
    const ny = (await a.get(`/threads/${await eventThread(a, { timeZone: 'America/New_York', onlineUrl: 'https://meet.example.test/cup' })}/event`)).body;
    expect(ny).toMatchObject({ startsAt: '2027-03-12T23:30:00.000Z', onlineUrl: 'https://meet.example.test/cup' });
  });

  it('refuses unknown zones, times the clocks skip, ends before starts and events with no place', async () => {
    const a = await joinCommunity(t, ws);
    const bad = (event: Record<string, unknown>) => a.post('/spaces/open/threads', { title: 'Bad event', body: 'x', event: { ...tasting, ...event } });
    const zone = await bad({ timeZone: 'Europe/Atlantis' });
    expect(zone.status).toBe(400);
    expect(zone.body.error.message).toMatch(/"Europe\/Atlantis" is not a time zone we know: use an IANA name like Europe\/Rome/);
    const gap = await bad({ startsAt: '2027-03-28T02:30', endsAt: '2027-03-28T04:00' });
    expect(gap.status).toBe(400);
    expect(gap.body.error.message).toMatch(/2027-03-28T02:30 does not exist in Europe\/Rome/);
    expect((await bad({ endsAt: '2027-03-12T18:00' })).body.error.message).toMatch(/must end after it starts/);
    expect((await bad({ startsAt: '2027-03-12T18:30+01:00' })).body.error.message).toMatch(/no offset/);
    expect((await bad({ place: undefined })).body.error.message).toMatch(/an online link, a place, or both/);
    expect((await bad({ onlineUrl: 'javascript:alert(1)' })).status).toBe(400);
    expect((await a.get('/spaces/open')).body.threads.map((th: { title: string }) => th.title)).not.toContain('Bad event');
  });

  it('the author or staff add one event per thread', async () => {
    const a = await joinCommunity(t, ws);
    const b = await joinCommunity(t, ws);
    const threadId = (await a.post('/spaces/open/threads', { title: 'Later event', body: 'x' })).body.id;
    expect((await b.post(`/threads/${threadId}/event`, tasting)).status).toBe(403);
    expect((await a.post(`/threads/${threadId}/event`, tasting)).status).toBe(201);
    expect((await a.post(`/threads/${threadId}/event`, tasting)).body.error.message).toMatch(/already has an event/);
    const other = (await a.post('/spaces/open/threads', { title: 'Staff event', body: 'x' })).body.id;
    expect((await owner.post(`/api/workspaces/${ws}/community/threads/${other}/event`, { ...tasting, capacity: 3 })).body).toMatchObject({ capacity: 3, seatsLeft: 3 });
  });
});

describe('answers', () => {
  it('refuses going when full with a clear message, and changing an answer frees the seat', async () => {
    const host = await joinCommunity(t, ws);
    const threadId = await eventThread(host, { ...farAhead, capacity: 2 });
    const [a, b, c] = [await joinCommunity(t, ws), await joinCommunity(t, ws), await joinCommunity(t, ws)];
    expect((await rsvp(a, threadId, 'going')).body).toMatchObject({ going: 1, seatsLeft: 1, myRsvp: 'going' });
    expect((await rsvp(a, threadId, 'going')).body).toMatchObject({ going: 1, seatsLeft: 1 });
    await rsvp(b, threadId, 'going');
    const full = await rsvp(c, threadId, 'going');
    expect(full.status).toBe(409);
    expect(full.body.error.message).toMatch(/This event is full \(2 seats\): answer "interested"/);
    expect(full.body.error.details).toEqual({ reason: 'event_full' });
    expect((await rsvp(c, threadId, 'interested')).body).toMatchObject({ going: 2, interested: 1, seatsLeft: 0, myRsvp: 'interested' });
    expect((await rsvp(a, threadId, 'not_going')).body).toMatchObject({ going: 1, seatsLeft: 1, myRsvp: 'not_going' });
    expect((await rsvp(c, threadId, 'going')).body).toMatchObject({ going: 2, interested: 0, seatsLeft: 0, myRsvp: 'going' });
    expect((await rsvp(a, threadId, 'maybe')).status).toBe(400);
  });

  it('the last seat goes to one of two members asking at once', async () => {
    const host = await joinCommunity(t, ws);
    const threadId = await eventThread(host, { ...farAhead, capacity: 1 });
    const racers = await Promise.all(Array.from({ length: 4 }, () => joinCommunity(t, ws)));
    const answers = await Promise.all(racers.map((m) => rsvp(m, threadId, 'going')));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    expect((await host.get(`/threads/${threadId}/event`)).body.going).toBe(1);
  });

  it('needs a member past the guidelines, and closes once the event is over', async () => {
    const host = await joinCommunity(t, ws);
    const threadId = await eventThread(host, farAhead);
    expect((await rsvp(new MemberClient(t.baseUrl, ws), threadId, 'going')).status).toBe(401);
    expect((await rsvp(await joinCommunity(t, ws, { acknowledge: false }), threadId, 'going')).body.error.details).toEqual({ reason: 'guidelines_not_acknowledged' });
    await t.database.db.execute(sql`UPDATE community_events SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE thread_id = ${threadId}`);
    const over = await rsvp(host, threadId, 'going');
    expect(over.status).toBe(409);
    expect(over.body.error.message).toMatch(/This event is over/);
  });
});

describe('iCalendar export', () => {
  it('returns text/calendar with the event in UTC and its zone in the description', async () => {
    const a = await joinCommunity(t, ws);
    const threadId = await eventThread(a, { onlineUrl: 'https://meet.example.test/cup' });
    const res = await fetch(`${t.baseUrl}/api/communities/${ws}/threads/${threadId}/event.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await res.text();
    const unfolded = text.replace(/\r\n[ \t]/g, '');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(unfolded).toContain('DTSTART:20270312T173000Z');
    expect(unfolded).toContain('DTEND:20270312T190000Z');
    expect(unfolded).toContain('SUMMARY:Cupping night');
    expect(unfolded).toMatch(/LOCATION:Caffè Aurora\\, Via Roma 1/);
    expect(unfolded).toContain('2027-03-12 18:30 – 2027-03-12 20:00 (Europe/Rome)');
    expect(unfolded).toMatch(/UID:community-event-[0-9a-f-]+@/);
  });
});

describe('visibility and isolation', () => {
  it('follows the space and never crosses workspaces', async () => {
    const a = await joinCommunity(t, ws);
    const secret = (await owner.get(`/api/workspaces/${ws}/community/spaces`)).body.spaces.find((s: { slug: string }) => s.slug === 'secret').id;
    const hidden = (await owner.post(`/api/workspaces/${ws}/community/spaces/${secret}/threads`, { title: 'Staff party', body: 'x', event: { ...tasting, ...farAhead } })).body.id;
    expect((await a.get(`/threads/${hidden}/event`)).status).toBe(404);
    expect((await fetch(`${t.baseUrl}/api/communities/${ws}/threads/${hidden}/event.ics`)).status).toBe(404);
    expect((await rsvp(a, hidden, 'going')).status).toBe(404);
    expect((await owner.get(`/api/workspaces/${ws}/community/threads/${hidden}/event`)).status).toBe(200);

    const threadId = await eventThread(a, farAhead);
    const other = await communityOwner(t, 'Caffè Altrove');
    const stranger = await joinCommunity(t, other.workspaceId);
    expect((await stranger.get(`/threads/${threadId}/event`)).status).toBe(404);
    expect((await rsvp(stranger, threadId, 'going')).status).toBe(404);
    expect((await fetch(`${t.baseUrl}/api/communities/${other.workspaceId}/threads/${threadId}/event.ics`)).status).toBe(404);
    expect((await other.owner.get(`/api/workspaces/${other.workspaceId}/community/threads/${threadId}/event`)).status).toBe(404);
    expect((await other.owner.post(`/api/workspaces/${other.workspaceId}/community/threads/${threadId}/event`, tasting)).status).toBe(404);
  });
});
