import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../test/apiClient';
import { testDbKind } from '../test/testDatabase';
import { startTestTandem, type TestTandem } from '../test/testServer';
import { DEMO_PASSWORD, seedDemo } from './demo';

/** Caffè Aurora's seeded community, read through the public community API and the team API; both databases. */
let t: TestTandem;
let ws: string;
let giulia: ApiClient;
const pub = (path = '') => fetch(`${t.baseUrl}/api/communities/${ws}${path}`).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));

beforeAll(async () => {
  if (testDbKind() === 'pglite') t = await startTestTandem({ DEMO: 'true' });
  else {
    t = await startTestTandem();
    expect(await seedDemo(t.database.db)).toBe(true);
  }
  giulia = new ApiClient(t.baseUrl);
  expect((await giulia.post('/api/auth/signin', { email: 'giulia@caffeaurora.demo', password: DEMO_PASSWORD })).status).toBe(200);
  ws = (await giulia.get('/api/workspaces')).body.workspaces.find((w: { name: string }) => w.name === 'Caffè Aurora').id;
}, 120_000);
afterAll(() => t?.stop());

describe('demo community', () => {
  it('is open to visitors with its guidelines, its public space and Giulia’s welcome thread', async () => {
    const community = await pub();
    expect(community.body).toMatchObject({ name: 'Caffè Aurora Community', signupOpen: true });
    expect(community.body.guidelinesHtml).toContain('<h2>Le nostre regole / Our guidelines</h2>');
    expect((await pub('/spaces')).body.spaces.map((s: { slug: string; kind: string }) => [s.slug, s.kind])).toEqual([
      ['chiacchiere', 'discussion'],
      ['chiedi-al-barista', 'qa'],
    ]);
    const space = await pub('/spaces/chiacchiere');
    expect(space.body.threads).toHaveLength(1);
    const thread = await pub(`/threads/${space.body.threads[0].id}`);
    expect(thread.body).toMatchObject({ title: 'Benvenuti! Presentatevi qui 👋', author: { kind: 'staff', displayName: 'Giulia Conti' }, replyCount: 0 });
    expect(thread.body.posts[0].bodyHtml).toContain('<strong>Caffè Aurora</strong>');
    expect((await pub('/spaces/abituali')).status).toBe(401);
    // Searchable like a post written through the API, in Italian.
    const found = await pub(`/search?q=${encodeURIComponent('presentatevi caffe')}`);
    expect(found.body.results.map((r: { postId: string; language: string }) => [r.postId, r.language])).toEqual([[thread.body.posts[0].id, 'it']]);
  });

  it('shows the team its spaces, the members-only one in slow mode, and the two weekly rituals', async () => {
    const spaces = (await giulia.get(`/api/workspaces/${ws}/community/spaces`)).body.spaces;
    expect(spaces.map((s: { slug: string; visibility: string; slowModeSeconds: number }) => [s.slug, s.visibility, s.slowModeSeconds])).toEqual([
      ['chiacchiere', 'public', 0],
      ['abituali', 'members', 30],
      ['chiedi-al-barista', 'public', 0],
    ]);
    const rituals = (await giulia.get(`/api/workspaces/${ws}/community/rituals`)).body.rituals as { rrule: string; timeZone: string; nextOccurrenceAt: string }[];
    expect(rituals.map((r) => [r.rrule, r.timeZone]).sort()).toEqual([
      ['FREQ=WEEKLY;BYDAY=FR', 'Europe/Rome'],
      ['FREQ=WEEKLY;BYDAY=MO', 'Europe/Rome'],
    ]);
    expect(rituals.every((r) => new Date(r.nextOccurrenceAt).getTime() > Date.now())).toBe(true);
    expect((await giulia.get(`/api/workspaces/${ws}/community`)).body.welcomeMessage).toMatch(/^Ciao e benvenuto!/);
  });
});
