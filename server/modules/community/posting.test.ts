import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { communityPosts } from '../../db/schema';
import type { ApiClient } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { addMember } from '../../test/workspaceMember';
import { communityOwner, createSpace, joinCommunity, MemberClient } from './testMembers';

/** Threads and replies through HTTP on both engines: the guidelines gate, safe Markdown, slow mode, approval, edits, deletes. */
let t: TestTandem;
let ws: string;
let owner: ApiClient;
let open: { id: string; slug: string };
const team = (path: string) => `/api/workspaces/${ws}/community${path}`;

beforeAll(async () => {
  t = await startTestTandem();
  ({ owner, workspaceId: ws } = await communityOwner(t, 'Caffè Posting'));
  open = await createSpace(owner, ws, { name: 'Open', slug: 'open' });
});
afterAll(async () => t?.stop());

async function thread(m: MemberClient, slug = open.slug, title = 'A thread', body = 'Opening words') {
  const res = await m.post(`/spaces/${slug}/threads`, { title, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; state: string; posts: { id: string; bodyHtml: string; state: string }[] };
}

describe('the guidelines gate', () => {
  it('refuses a first post until the member acknowledged the guidelines, then accepts it', async () => {
    const m = await joinCommunity(t, ws, { acknowledge: false });
    const guidelines = await m.get('');
    expect(guidelines.body.guidelinesHtml).toBe('<h1>Be kind</h1>\n<p>No spam.</p>');
    const refused = await m.post(`/spaces/${open.slug}/threads`, { title: 'Too early', body: 'Hello' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'guidelines_not_acknowledged' } });
    expect(refused.body.error.message).toMatch(/acknowledge the community guidelines/);
    const staffThread = (await owner.post(team(`/spaces/${open.id}/threads`), { title: 'Staff thread', body: 'Hi' })).body.id;
    expect((await m.post(`/threads/${staffThread}/replies`, { body: 'Early reply' })).status).toBe(403);
    // Nothing was half-saved.
    expect((await m.get(`/spaces/${open.slug}`)).body.threads.map((x: { title: string }) => x.title)).not.toContain('Too early');
    const ack = await m.post('/guidelines/acknowledge');
    expect(ack.body.member.guidelinesAcknowledgedAt).not.toBeNull();
    await thread(m, open.slug, 'Now it works');
  });
});

describe('Markdown, sanitized on the server', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)><circle/></svg>',
    '<iframe src="https://evil.example"></iframe>',
    '<a href="javascript:alert(1)">raw link</a>',
    '[click](javascript:alert(1))',
    '[click](JaVaScRiPt:alert(1))',
    '[click](  javascript:alert(1))',
    '[click](java\tscript:alert(1))',
    '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[click](vbscript:msgbox(1))',
    '<javascript:alert(1)>',
    '![x](https://img.example/a.png" onerror="alert(1))',
    '<div style="position:fixed">overlay</div>',
    '**unclosed <b onmouseover=alert(1)>bold',
    '```html\n<script>alert(1)</script>\n```',
  ];

  it('keeps the source as written and renders only safe HTML', async () => {
    const m = await joinCommunity(t, ws);
    const start = await thread(m, open.slug, 'Hostile inputs', hostile.join('\n\n'));
    const read = await new MemberClient(t.baseUrl, ws).get(`/threads/${start.id}`);
    const html: string = read.body.posts[0].bodyHtml;
    expect(read.body.posts[0].bodySource).toBe(hostile.join('\n\n'));
    // Real tags (text shows typed ones as &lt;…&gt;): only Markdown's own, no event handler, no link but http(s)/mailto.
    const tags = [...html.matchAll(/<\/?([a-z0-9]+)([^>]*)>/gi)];
    expect(tags.length).toBeGreaterThan(10);
    for (const [tag, name, attrs] of tags) {
      expect(['p', 'a', 'strong', 'em', 'pre', 'code', 'br'], tag).toContain(name!.toLowerCase());
      expect(attrs, tag).not.toMatch(/\son[a-z]+\s*=/i);
      for (const [, href] of attrs!.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^(https?:|mailto:)/);
    }
    // Typed tags survive only as visible text.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('renders the safe subset and marks member links nofollow', async () => {
    const m = await joinCommunity(t, ws);
    const start = await thread(m, open.slug, 'Formatting', '**bold** _it_ `code`\n\n> quoted\n\n- a\n- b\n\nSee https://example.com and [docs](https://docs.example/x "Docs")');
    const html = start.posts[0]!.bodyHtml;
    expect(html).toContain('<strong>bold</strong> <em>it</em> <code>code</code>');
    expect(html).toContain('<blockquote>\n<p>quoted</p>\n</blockquote>');
    expect(html).toContain('<ul>\n<li>a</li>\n<li>b</li>\n</ul>');
    expect(html).toContain('<a href="https://example.com" rel="nofollow ugc noopener noreferrer">https://example.com</a>');
    expect(html).toContain('<a href="https://docs.example/x" title="Docs" rel="nofollow ugc noopener noreferrer">docs</a>');
  });

  it('sanitizes edits too', async () => {
    const m = await joinCommunity(t, ws);
    const start = await thread(m);
    const edited = await m.patch(`/posts/${start.posts[0]!.id}`, { body: 'fine <script>alert(1)</script> [x](javascript:alert(1))' });
    expect(edited.status).toBe(200);
    expect(edited.body.bodyHtml).toBe('<p>fine &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1))</p>');
  });

  it('refuses empty and over-long posts with clear messages', async () => {
    const m = await joinCommunity(t, ws);
    const empty = await m.post(`/spaces/${open.slug}/threads`, { title: 'Empty', body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.fields.body).toBe('Write something first.');
    const long = await m.post(`/spaces/${open.slug}/threads`, { title: 'Long', body: 'x'.repeat(20_001) });
    expect(long.body.error.details.fields.body).toMatch(/under 20000 characters/);
    expect((await m.post(`/spaces/no-such-space/threads`, { title: 'Lost', body: 'Where?' })).status).toBe(404);
  });
});

describe('slow mode', () => {
  it('makes a member wait between posts in the space, says how long, and exempts staff', async () => {
    const slow = await createSpace(owner, ws, { name: 'Slow', slug: 'slow', slowModeSeconds: 120 });
    const m = await joinCommunity(t, ws);
    const first = await thread(m, 'slow', 'First');
    const again = await m.post(`/threads/${first.id}/replies`, { body: 'Too soon' });
    expect(again.status).toBe(429);
    expect(again.body.error.code).toBe('RATE_LIMITED');
    const wait = again.body.error.details.retryAfterSeconds;
    expect(wait).toBeGreaterThan(100);
    expect(wait).toBeLessThanOrEqual(120);
    expect(again.body.error.message).toBe(`Slow mode is on in "Slow": wait ${wait} more seconds before posting again.`);
    // Another member and the staff are not held by this member's clock.
    const other = await joinCommunity(t, ws);
    expect((await other.post(`/threads/${first.id}/replies`, { body: 'My turn' })).status).toBe(201);
    expect((await owner.post(team(`/threads/${first.id}/replies`), { body: 'Staff reply' })).status).toBe(201);
    expect((await owner.post(team(`/threads/${first.id}/replies`), { body: 'Staff again' })).status).toBe(201);
    // Other spaces are not slowed.
    await thread(m, open.slug, 'Elsewhere');
    // Once the time has passed (moved back in the database rather than waited for), posting works again.
    await t.database.db.execute(sql`UPDATE community_posts SET created_at = created_at - interval '121 seconds' WHERE author_member_id = ${m.id} AND space_id = ${slow.id}`);
    expect((await m.post(`/threads/${first.id}/replies`, { body: 'Patience' })).status).toBe(201);
  });

  it('lets only one of two posts sent at once through', async () => {
    await createSpace(owner, ws, { name: 'Slow race', slug: 'slow-race', slowModeSeconds: 60 });
    const m = await joinCommunity(t, ws);
    const statuses = await Promise.all([1, 2].map(async (i) => (await m.post(`/spaces/slow-race/threads`, { title: `Race ${i}`, body: 'x' })).status));
    expect(statuses.sort()).toEqual([201, 429]);
  });

  it('counts deleted posts, so deleting does not reset the clock', async () => {
    await createSpace(owner, ws, { name: 'Slow two', slug: 'slow-two', slowModeSeconds: 60 });
    const m = await joinCommunity(t, ws);
    const first = await thread(m, 'slow-two');
    expect((await m.delete(`/posts/${first.posts[0]!.id}`)).status).toBe(200);
    expect((await m.post(`/spaces/slow-two/threads`, { title: 'Again', body: 'x' })).status).toBe(429);
  });
});

describe('approval required', () => {
  let moderated: { id: string; slug: string };
  beforeAll(async () => {
    moderated = await createSpace(owner, ws, { name: 'Moderated', slug: 'moderated', requireThreadApproval: true, requireReplyApproval: true });
  });

  it('holds a member thread as pending, shown only to its author and staff, until approved', async () => {
    const author = await joinCommunity(t, ws);
    const other = await joinCommunity(t, ws);
    const start = await thread(author, moderated.slug, 'Please approve');
    expect(start.state).toBe('pending');
    expect(start.posts[0]!.state).toBe('pending');
    expect((await author.get(`/threads/${start.id}`)).status).toBe(200);
    expect((await author.get(`/spaces/${moderated.slug}`)).body.threads.map((x: { id: string }) => x.id)).toContain(start.id);
    expect((await other.get(`/threads/${start.id}`)).status).toBe(404);
    expect((await other.get(`/spaces/${moderated.slug}`)).body.threads).toEqual([]);
    expect((await new MemberClient(t.baseUrl, ws).get(`/threads/${start.id}`)).status).toBe(404);
    // Nobody replies to a thread that is not published yet.
    const early = await author.post(`/threads/${start.id}/replies`, { body: 'bump' });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/waits for a moderator/);

    const queue = await owner.get(team('/pending'));
    expect(queue.body.posts.map((p: { id: string }) => p.id)).toContain(start.posts[0]!.id);
    const smm = await addMember(t, ws, ['social_media_manager']);
    expect((await smm.post(team(`/posts/${start.posts[0]!.id}/approve`))).status).toBe(403);
    const approved = await owner.post(team(`/posts/${start.posts[0]!.id}/approve`));
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('published');
    expect((await owner.post(team(`/posts/${start.posts[0]!.id}/approve`))).status).toBe(409);
    const seen = await other.get(`/threads/${start.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.state).toBe('published');
  });

  it('holds member replies, but never staff posts', async () => {
    const staffThread = await owner.post(team(`/spaces/${moderated.id}/threads`), { title: 'Staff start', body: 'Published at once' });
    expect(staffThread.body.state).toBe('published');
    const m = await joinCommunity(t, ws);
    const reply = await m.post(`/threads/${staffThread.body.id}/replies`, { body: 'Held reply' });
    expect(reply.status).toBe(201);
    expect(reply.body.state).toBe('pending');
    const anon = new MemberClient(t.baseUrl, ws);
    const before = await anon.get(`/threads/${staffThread.body.id}`);
    expect(before.body.posts.map((p: { id: string }) => p.id)).not.toContain(reply.body.id);
    expect(before.body.replyCount).toBe(0);
    expect((await m.get(`/threads/${staffThread.body.id}`)).body.posts.map((p: { id: string }) => p.id)).toContain(reply.body.id);
    expect((await owner.post(team(`/posts/${reply.body.id}/approve`))).status).toBe(200);
    const after = await anon.get(`/threads/${staffThread.body.id}`);
    expect(after.body.posts.map((p: { id: string }) => p.id)).toContain(reply.body.id);
    expect(after.body.replyCount).toBe(1);
  });
});

describe('who starts threads', () => {
  it('keeps staff-only spaces for staff threads while members reply', async () => {
    const news = await createSpace(owner, ws, { name: 'News', slug: 'news', whoCanStart: 'staff' });
    const m = await joinCommunity(t, ws);
    const refused = await m.post(`/spaces/news/threads`, { title: 'Mine', body: 'x' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/Only staff start threads in "News"/);
    const staff = await owner.post(team(`/spaces/${news.id}/threads`), { title: 'Announcement', body: 'New beans' });
    expect((await m.post(`/threads/${staff.body.id}/replies`, { body: 'Yay' })).status).toBe(201);
  });
});

describe('replies, edits and deletes', () => {
  it('keeps replies flat, in order, with replyTo pointing at a post of the same thread', async () => {
    const a = await joinCommunity(t, ws, { name: 'Ada' });
    const b = await joinCommunity(t, ws, { name: 'Bea' });
    const start = await thread(a, open.slug, 'Flat');
    const r1 = await b.post(`/threads/${start.id}/replies`, { body: 'First reply' });
    const r2 = await a.post(`/threads/${start.id}/replies`, { body: '> First reply\n\nAnswering Bea', replyToId: r1.body.id });
    expect(r2.status).toBe(201);
    expect(r2.body.replyToId).toBe(r1.body.id);
    const other = await thread(b, open.slug, 'Other');
    const wrong = await a.post(`/threads/${start.id}/replies`, { body: 'x', replyToId: other.posts[0]!.id });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/not in this thread/);
    const read = await a.get(`/threads/${start.id}`);
    expect(read.body.posts.map((p: { bodySource: string }) => p.bodySource)).toEqual(['Opening words', 'First reply', '> First reply\n\nAnswering Bea']);
    expect(read.body.posts.map((p: { author: { displayName: string } }) => p.author.displayName)).toEqual(['Ada', 'Bea', 'Ada']);
    expect(read.body.replyCount).toBe(2);
  });

  it('keeps every version of an edited post, and lets only its author edit', async () => {
    const a = await joinCommunity(t, ws);
    const b = await joinCommunity(t, ws);
    const start = await thread(a, open.slug, 'Original title', 'Version one');
    const postId = start.posts[0]!.id;
    const e1 = await a.patch(`/posts/${postId}`, { body: 'Version two', title: 'Better title' });
    expect(e1.status).toBe(200);
    expect(e1.body).toMatchObject({ version: 2, bodySource: 'Version two', bodyHtml: '<p>Version two</p>' });
    expect(e1.body.editedAt).not.toBeNull();
    expect((await a.patch(`/posts/${postId}`, { body: 'Version two', title: 'Better title' })).body.version).toBe(2);
    await a.patch(`/posts/${postId}`, { body: 'Version three' });
    const history = await b.get(`/posts/${postId}/revisions`);
    expect(history.body.revisions.map((r: { version: number; title: string; bodySource: string }) => [r.version, r.title, r.bodySource])).toEqual([
      [1, 'Original title', 'Version one'],
      [2, 'Better title', 'Version two'],
      [3, 'Better title', 'Version three'],
    ]);
    expect((await b.get(`/threads/${start.id}`)).body.title).toBe('Better title');
    const byOther = await b.patch(`/posts/${postId}`, { body: 'Hijack' });
    expect(byOther.status).toBe(403);
    const reply = await b.post(`/threads/${start.id}/replies`, { body: 'A reply' });
    expect((await b.patch(`/posts/${reply.body.id}`, { body: 'x', title: 'Titles are for openings' })).status).toBe(400);
  });

  it('soft-deletes: the post stays as a placeholder without its words; the opening post takes the thread along', async () => {
    const a = await joinCommunity(t, ws);
    const b = await joinCommunity(t, ws);
    const start = await thread(a, open.slug, 'To be deleted');
    const reply = await b.post(`/threads/${start.id}/replies`, { body: 'Regrettable words' });
    expect((await a.delete(`/posts/${reply.body.id}`)).status).toBe(403);
    expect((await b.delete(`/posts/${reply.body.id}`)).body).toEqual({ ok: true, threadDeleted: false });
    const read = await a.get(`/threads/${start.id}`);
    const placeholder = read.body.posts.find((p: { id: string }) => p.id === reply.body.id);
    expect(placeholder).toMatchObject({ deleted: true, bodySource: null, bodyHtml: null });
    expect(JSON.stringify(read.body)).not.toContain('Regrettable');
    expect(read.body.replyCount).toBe(0);
    expect((await b.patch(`/posts/${reply.body.id}`, { body: 'Undo' })).status).toBe(404);
    expect((await b.delete(`/posts/${reply.body.id}`)).status).toBe(404);
    // The row and its history are kept for moderation.
    const [row] = await t.database.db.select().from(communityPosts).where(eq(communityPosts.id, reply.body.id));
    expect(row!.bodySource).toBe('Regrettable words');
    expect(row!.deletedAt).not.toBeNull();

    expect((await a.delete(`/posts/${start.posts[0]!.id}`)).body).toEqual({ ok: true, threadDeleted: true });
    expect((await a.get(`/threads/${start.id}`)).status).toBe(404);
    expect((await a.get(`/spaces/${open.slug}`)).body.threads.map((x: { id: string }) => x.id)).not.toContain(start.id);
  });

  it('lets moderators delete any post, and not other team roles', async () => {
    const m = await joinCommunity(t, ws);
    const start = await thread(m, open.slug, 'Spam?');
    const reply = await m.post(`/threads/${start.id}/replies`, { body: 'Buy now' });
    const smm = await addMember(t, ws, ['social_media_manager']);
    expect((await smm.delete(team(`/posts/${reply.body.id}`))).status).toBe(403);
    const cm = await addMember(t, ws, ['community_manager']);
    expect((await cm.delete(team(`/posts/${reply.body.id}`))).status).toBe(200);
    expect((await m.get(`/threads/${start.id}`)).body.posts[1].deleted).toBe(true);
  });

  it('requires a member session to write, and answers anonymous writers with 401', async () => {
    const anon = new MemberClient(t.baseUrl, ws);
    const res = await anon.post(`/spaces/${open.slug}/threads`, { title: 'Anonymous', body: 'x' });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/Sign in to the community/);
  });
});

describe('staff in the community', () => {
  it('edit their own posts through the team API, with history, and not a member’s', async () => {
    const cm = await addMember(t, ws, ['community_manager']);
    const start = await cm.post(team(`/spaces/${open.id}/threads`), { title: 'Staff post', body: 'Draft wording' });
    const postId = start.body.posts[0].id;
    const edited = await cm.patch(team(`/posts/${postId}`), { body: 'Final wording' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, bodySource: 'Final wording', author: { kind: 'staff' } });
    const history = await new MemberClient(t.baseUrl, ws).get(`/posts/${postId}/revisions`);
    expect(history.body.revisions.map((r: { editedBy: string; bodySource: string }) => [r.editedBy, r.bodySource])).toEqual([
      ['staff', 'Draft wording'],
      ['staff', 'Final wording'],
    ]);
    expect((await owner.patch(team(`/posts/${postId}`), { body: 'Not mine' })).status).toBe(403);
    const m = await joinCommunity(t, ws);
    const memberThread = await thread(m);
    expect((await cm.patch(team(`/posts/${memberThread.posts[0]!.id}`), { body: 'Words in their mouth' })).status).toBe(403);
  });

  it('find members by name to invite them', async () => {
    await joinCommunity(t, ws, { name: 'Findable Franca' });
    const res = await owner.get(team('/members?q=franca'));
    expect(res.status).toBe(200);
    expect(res.body.members.map((x: { displayName: string }) => x.displayName)).toEqual(['Findable Franca']);
    expect(res.body.members[0]).not.toHaveProperty('email');
    expect((await owner.get(team('/members?q=%25'))).body.members).toEqual([]);
  });
});
