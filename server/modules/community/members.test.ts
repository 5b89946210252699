import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { communityMembers } from '../../db/schema';
import { ApiClient } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { addMember } from '../../test/workspaceMember';
import { communityOwner, createSpace, joinCommunity, MemberClient, memberEmail } from './testMembers';

/** Community members (own accounts and sessions), spaces and who may read them, through HTTP on both engines. */
let t: TestTandem;
let ws: string;
let owner: ApiClient;

beforeAll(async () => {
  t = await startTestTandem();
  ({ owner, workspaceId: ws } = await communityOwner(t, 'Caffè Aurora'));
});
afterAll(async () => t?.stop());

describe('member accounts', () => {
  it('signs up with its own session cookie, not a team session, and keeps an argon2 hash', async () => {
    const m = new MemberClient(t.baseUrl, ws);
    const email = memberEmail('giulia');
    const res = await m.post('/signup', { email: `  ${email.toUpperCase()} `, password: 'correct horse battery', displayName: 'Giulia' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.member).toMatchObject({ email, displayName: 'Giulia', trustLevel: 0, guidelinesAcknowledgedAt: null, languages: [], interests: [] });
    expect(res.body.member).not.toHaveProperty('passwordHash');
    expect(m.cookie).toMatch(/^tandem_community=/);
    const [row] = await t.database.db.select().from(communityMembers).where(eq(communityMembers.id, res.body.member.id));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row!.workspaceId).toBe(ws);
    // The member cookie is no team session.
    const asTeam = await fetch(`${t.baseUrl}/api/me`, { headers: { cookie: m.cookie } });
    expect(asTeam.status).toBe(401);
    expect((await m.get('/me')).body.member.id).toBe(res.body.member.id);
  });

  it('refuses a second account with the same email in the same community, but not in another one', async () => {
    const email = memberEmail('dup');
    const a = await new MemberClient(t.baseUrl, ws).post('/signup', { email, password: 'correct horse battery', displayName: 'A' });
    expect(a.status).toBe(201);
    const b = await new MemberClient(t.baseUrl, ws).post('/signup', { email, password: 'another long password', displayName: 'B' });
    expect(b.status).toBe(409);
    expect(b.body.error.message).toMatch(/sign in instead/);
    const other = await communityOwner(t, 'Other Bar');
    const c = await new MemberClient(t.baseUrl, other.workspaceId).post('/signup', { email, password: 'another long password', displayName: 'C' });
    expect(c.status).toBe(201);
  });

  it('answers "taken" to one of two sign-ups with the same email sent at once, never a server error', async () => {
    const email = memberEmail('race');
    const statuses = await Promise.all([1, 2, 3].map(async (i) => (await new MemberClient(t.baseUrl, ws).post('/signup', { email, password: 'correct horse battery', displayName: `Racer ${i}` })).status));
    expect(statuses.sort()).toEqual([201, 409, 409]);
    const o = await communityOwner(t, 'Race club');
    const spaces = await Promise.all([1, 2].map(async () => (await o.owner.post(`/api/workspaces/${o.workspaceId}/community/spaces`, { name: 'Race', slug: 'race' })).status));
    expect(spaces.sort()).toEqual([201, 409]);
  });

  it('signs in and out; a wrong password says so without telling whether the email exists', async () => {
    const email = memberEmail('signin');
    await new MemberClient(t.baseUrl, ws).post('/signup', { email, password: 'correct horse battery', displayName: 'Sam' });
    const m = new MemberClient(t.baseUrl, ws);
    const wrong = await m.post('/signin', { email, password: 'wrong password!!' });
    const unknown = await m.post('/signin', { email: memberEmail('nobody'), password: 'wrong password!!' });
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    const ok = await m.post('/signin', { email, password: 'correct horse battery' });
    expect(ok.status).toBe(200);
    expect((await m.get('/me')).status).toBe(200);
    expect((await m.post('/signout')).status).toBe(200);
    expect(m.cookie).toBe('');
    const stale = new MemberClient(t.baseUrl, ws);
    stale.cookie = `tandem_community=${'x'.repeat(43)}`;
    expect((await stale.get('/me')).status).toBe(401);
  });

  it('validates sign-up input with field messages', async () => {
    const res = await new MemberClient(t.baseUrl, ws).post('/signup', { email: 'not-an-email', password: 'short', displayName: '' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.error.details.fields).sort()).toEqual(['displayName', 'email', 'password']);
  });

  it('requires the member CSRF header on writes', async () => {
    const m = await joinCommunity(t, ws);
    const csrf = m.csrf;
    m.csrf = '';
    const res = await m.patch('/me', { bio: 'Hi' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF_FAILED');
    m.csrf = csrf;
    expect((await m.patch('/me', { bio: 'Hi' })).status).toBe(200);
  });

  it('lets a person signed in to the team and to the community write as a member with the member token alone', async () => {
    const m = await joinCommunity(t, ws);
    const team = await fetch(`${t.baseUrl}/api/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: memberEmail('both'), password: 'correct horse battery', name: 'Both' }) });
    const teamCookie = /tandem_session=[^;]+/.exec(team.headers.get('set-cookie') ?? '')![0];
    m.cookie = `${m.cookie}; ${teamCookie}`;
    expect((await m.patch('/me', { bio: 'Staff by day' })).status).toBe(200);
    m.csrf = '';
    expect((await m.patch('/me', { bio: 'No token' })).status).toBe(403);
  });

  it('edits the own profile and shows a public profile without email or preferences', async () => {
    const m = await joinCommunity(t, ws, { name: 'Luca' });
    const res = await m.patch('/me', { displayName: 'Luca B.', bio: 'Espresso nerd', languages: ['it', 'en'], interests: ['latte art', 'latte art', 'beans'], avatarUrl: 'https://img.example/l.png', notificationPrefs: { digest: 'weekly' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.member).toMatchObject({ displayName: 'Luca B.', bio: 'Espresso nerd', languages: ['it', 'en'], interests: ['latte art', 'beans'], notificationPrefs: { digest: 'weekly' } });
    const merged = await m.patch('/me', { notificationPrefs: { replies: false } });
    expect(merged.body.member.notificationPrefs).toEqual({ digest: 'weekly', replies: false });
    expect((await m.patch('/me', { avatarUrl: 'javascript:alert(1)' })).status).toBe(400);
    const pub = await new MemberClient(t.baseUrl, ws).get(`/members/${m.id}`);
    expect(pub.status).toBe(200);
    expect(Object.keys(pub.body).sort()).toEqual(['avatarUrl', 'badges', 'bio', 'displayName', 'handle', 'id', 'interests', 'joinedAt', 'languages', 'trustLevel']);
    expect(pub.body.displayName).toBe('Luca B.');
  });

  it('answers "not found" for a workspace that has not set up its community', async () => {
    const o = await communityOwner(t, 'Set up');
    const bare = (await o.owner.post('/api/workspaces', { name: 'No community' })).body.id;
    const c = new MemberClient(t.baseUrl, bare);
    expect((await c.get('')).status).toBe(404);
    expect((await c.post('/signup', { email: memberEmail(), password: 'correct horse battery', displayName: 'X' })).status).toBe(404);
    expect((await c.get('/spaces')).status).toBe(404);
  });

  it('refuses sign-ups when the team closed them', async () => {
    const o = await communityOwner(t, 'Closed club');
    await o.owner.put(`/api/workspaces/${o.workspaceId}/community`, { name: 'Closed club', signupOpen: false });
    const res = await new MemberClient(t.baseUrl, o.workspaceId).post('/signup', { email: memberEmail(), password: 'correct horse battery', displayName: 'X' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/not accepting new members/);
  });
});

describe('spaces and who reads them', () => {
  let pub: { id: string; slug: string };
  let membersOnly: { id: string; slug: string };
  let priv: { id: string; slug: string };
  let invited: MemberClient;
  let uninvited: MemberClient;
  const anon = () => new MemberClient(t.baseUrl, ws);
  const threadIn = async (spaceId: string, title: string) => (await owner.post(`/api/workspaces/${ws}/community/spaces/${spaceId}/threads`, { title, body: `Welcome to ${title}` })).body.id as string;
  const threads: Record<string, string> = {};

  beforeAll(async () => {
    pub = await createSpace(owner, ws, { name: 'Coffee talk', slug: 'coffee-talk', visibility: 'public' });
    membersOnly = await createSpace(owner, ws, { name: 'Regulars', slug: 'regulars', visibility: 'members' });
    priv = await createSpace(owner, ws, { name: 'Baristas', slug: 'baristas', visibility: 'private' });
    for (const s of [pub, membersOnly, priv]) threads[s.slug] = await threadIn(s.id, `Hello ${s.slug}`);
    invited = await joinCommunity(t, ws, { name: 'Invited' });
    uninvited = await joinCommunity(t, ws, { name: 'Uninvited' });
    expect((await owner.put(`/api/workspaces/${ws}/community/spaces/${priv.id}/invites/${invited.id}`, {})).status).toBe(200);
  });

  it('lists to each reader only the spaces they may read', async () => {
    const slugs = async (c: MemberClient) => (await c.get('/spaces')).body.spaces.map((s: { slug: string }) => s.slug).sort();
    expect(await slugs(anon())).toEqual(['coffee-talk']);
    expect(await slugs(uninvited)).toEqual(['coffee-talk', 'regulars']);
    expect(await slugs(invited)).toEqual(['baristas', 'coffee-talk', 'regulars']);
    const team = await owner.get(`/api/workspaces/${ws}/community/spaces`);
    expect(team.body.spaces.map((s: { slug: string }) => s.slug).sort()).toEqual(['baristas', 'coffee-talk', 'regulars']);
  });

  it('enforces visibility on every read: space pages, threads, revisions', async () => {
    // [reader, space, expected status]
    const matrix: [string, () => MemberClient, string, number][] = [
      ['anonymous', anon, 'coffee-talk', 200],
      ['anonymous', anon, 'regulars', 401],
      ['anonymous', anon, 'baristas', 404],
      ['uninvited member', () => uninvited, 'coffee-talk', 200],
      ['uninvited member', () => uninvited, 'regulars', 200],
      ['uninvited member', () => uninvited, 'baristas', 404],
      ['invited member', () => invited, 'baristas', 200],
    ];
    for (const [who, client, slug, status] of matrix) {
      const c = client();
      const space = await c.get(`/spaces/${slug}`);
      expect(space.status, `${who} reads space ${slug}`).toBe(status);
      const thread = await c.get(`/threads/${threads[slug]}`);
      expect(thread.status, `${who} reads a thread of ${slug}`).toBe(status);
      if (status === 200) {
        expect(thread.body.title).toBe(`Hello ${slug}`);
        expect(space.body.threads.map((x: { id: string }) => x.id)).toContain(threads[slug]);
        const opening = thread.body.posts[0].id;
        expect((await c.get(`/posts/${opening}/revisions`)).status).toBe(200);
      } else {
        expect(JSON.stringify(thread.body)).not.toContain('Welcome to');
      }
    }
    expect((await anon().get(`/spaces/regulars`)).body.error.message).toMatch(/sign in/i);
  });

  it('refuses posting where the member cannot read, and lifts access when the invitation is removed', async () => {
    const c = await joinCommunity(t, ws);
    expect((await c.post(`/threads/${threads.baristas}/replies`, { body: 'Let me in' })).status).toBe(404);
    expect((await c.post(`/spaces/baristas/threads`, { title: 'Sneaky', body: 'Let me in' })).status).toBe(404);
    const invitees = async () => (await owner.get(`/api/workspaces/${ws}/community/spaces/${priv.id}/invites`)).body.members.map((m: { id: string }) => m.id).sort();
    expect(await invitees()).toEqual([invited.id]);
    await owner.put(`/api/workspaces/${ws}/community/spaces/${priv.id}/invites/${c.id}`, {});
    expect((await c.get(`/threads/${threads.baristas}`)).status).toBe(200);
    expect(await invitees()).toEqual([invited.id, c.id].sort());
    await owner.delete(`/api/workspaces/${ws}/community/spaces/${priv.id}/invites/${c.id}`);
    expect((await c.get(`/threads/${threads.baristas}`)).status).toBe(404);
    expect(await invitees()).toEqual([invited.id]);
  });

  it('shows team posts with the staff badge, and no team user id', async () => {
    const thread = await anon().get(`/threads/${threads['coffee-talk']}`);
    expect(thread.body.author).toEqual({ kind: 'staff', id: null, displayName: 'Caffè Aurora Owner', avatarUrl: null, trustLevel: null, persona: false, writtenBy: null });
    expect(thread.body.posts[0].author.kind).toBe('staff');
  });

  it('lets only managers change spaces, and explains slug clashes', async () => {
    const analyst = await addMember(t, ws, ['analyst']);
    expect((await analyst.get(`/api/workspaces/${ws}/community/spaces`)).status).toBe(200);
    expect((await analyst.post(`/api/workspaces/${ws}/community/spaces`, { name: 'X', slug: 'x' })).status).toBe(403);
    const cm = await addMember(t, ws, ['community_manager']);
    const clash = await cm.post(`/api/workspaces/${ws}/community/spaces`, { name: 'Again', slug: 'coffee-talk' });
    expect(clash.status).toBe(409);
    expect(clash.body.error.message).toMatch(/coffee-talk/);
    const bad = await cm.post(`/api/workspaces/${ws}/community/spaces`, { name: 'Bad', slug: 'Not A Slug!', visibility: 'secret', slowModeSeconds: -1 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details.fields).sort()).toEqual(['slowModeSeconds', 'slug', 'visibility']);
    const changed = await cm.patch(`/api/workspaces/${ws}/community/spaces/${membersOnly.id}`, { description: 'For the regulars', guidelines: 'Be <b>nice</b>' });
    expect(changed.status).toBe(200);
    expect(changed.body.guidelinesHtml).toBe('<p>Be &lt;b&gt;nice&lt;/b&gt;</p>');
  });
});

describe('isolation between workspaces', () => {
  it('never shows or touches another community’s spaces, threads, posts or members', async () => {
    const other = await communityOwner(t, 'Elsewhere');
    const theirSpace = await createSpace(other.owner, other.workspaceId, { name: 'Theirs', slug: 'theirs' });
    const theirThread = (await other.owner.post(`/api/workspaces/${other.workspaceId}/community/spaces/${theirSpace.id}/threads`, { title: 'Their thread', body: 'Private to them' })).body;
    const theirMember = await joinCommunity(t, other.workspaceId);
    const ours = await joinCommunity(t, ws);

    // A member of our community, addressing their objects through our community.
    expect((await ours.get(`/spaces/theirs`)).status).toBe(404);
    expect((await ours.get(`/threads/${theirThread.id}`)).status).toBe(404);
    expect((await ours.post(`/threads/${theirThread.id}/replies`, { body: 'hi' })).status).toBe(404);
    expect((await ours.get(`/posts/${theirThread.posts[0].id}/revisions`)).status).toBe(404);
    expect((await ours.delete(`/posts/${theirThread.posts[0].id}`)).status).toBe(404);
    expect((await ours.get(`/members/${theirMember.id}`)).status).toBe(404);
    expect((await ours.request('PUT', `/posts/${theirThread.posts[0].id}/reactions/like`)).status).toBe(404);
    expect((await ours.request('PUT', `/threads/${theirThread.id}/bookmark`)).status).toBe(404);

    // Their member's cookie is no session in our community.
    const crossed = new MemberClient(t.baseUrl, ws);
    crossed.cookie = theirMember.cookie;
    crossed.csrf = theirMember.csrf;
    expect((await crossed.get('/me')).status).toBe(401);

    // Our team, through our workspace's team API.
    expect((await owner.get(`/api/workspaces/${ws}/community/spaces/${theirSpace.id}`)).status).toBe(404);
    expect((await owner.get(`/api/workspaces/${ws}/community/threads/${theirThread.id}`)).status).toBe(404);
    expect((await owner.delete(`/api/workspaces/${ws}/community/posts/${theirThread.posts[0].id}`)).status).toBe(404);
    const spaceOfOurs = (await createSpace(owner, ws, { name: 'Ours', slug: 'ours-private', visibility: 'private' })).id;
    expect((await owner.put(`/api/workspaces/${ws}/community/spaces/${spaceOfOurs}/invites/${theirMember.id}`, {})).status).toBe(404);
    expect((await owner.get(`/api/workspaces/${ws}/community/spaces/${theirSpace.id}/invites`)).status).toBe(404);
    // And their thread is untouched.
    expect((await new MemberClient(t.baseUrl, other.workspaceId).get(`/threads/${theirThread.id}`)).body.posts[0].deleted).toBe(false);
  });
});

describe('rate limits', () => {
  it('limits member sign-ins and sign-ups per minute like the team sign-in', async () => {
    const limited = await startTestTandem({ LOGIN_MAX_PER_MINUTE: '3' });
    try {
      const { workspaceId } = await communityOwner(limited, 'Limited');
      const c = new MemberClient(limited.baseUrl, workspaceId);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await c.post('/signin', { email: 'nobody@example.test', password: 'wrong password!!' })).status);
      expect(statuses[0]).toBe(401);
      expect(statuses.at(-1)).toBe(429);
      const signups: number[] = [];
      let last: any;
      for (let i = 0; i < 5; i++) {
        last = await new MemberClient(limited.baseUrl, workspaceId).post('/signup', { email: memberEmail('burst'), password: 'correct horse battery', displayName: 'Burst' });
        signups.push(last.status);
      }
      expect(signups[0]).toBe(201);
      expect(signups.at(-1)).toBe(429);
      expect(last.body.error.code).toBe('RATE_LIMITED');
    } finally {
      await limited.stop();
    }
  });
});

describe('API description', () => {
  it('documents the team and member routes in the OpenAPI document', async () => {
    const doc = await (await fetch(`${t.baseUrl}/api/openapi.json`)).json();
    for (const path of ['/api/communities/{communityId}/signup', '/api/communities/{communityId}/threads/{threadId}/replies', '/api/workspaces/{workspaceId}/community/spaces', '/api/workspaces/{workspaceId}/community/posts/{postId}/approve']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.paths['/api/communities/{communityId}/signup'].post.requestBody.content['application/json'].schema.required).toEqual(['email', 'password', 'displayName']);
  });
});
