import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sinkStore } from '../../../connectors/sink';
import { makePng } from '../media/testMedia';
import { eq } from 'drizzle-orm';
import { channels } from '../../db/schema';
import { ApiClient, signUpUser } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { until } from '../../test/until';

/** The composer's content through HTTP: first comments, options, campaigns, link cards, versions, networks; both databases. */
let t: TestTandem;
let ws: string;
let owner: ApiClient;
let page: Server;
let pageUrl: string;

let n = 0;
async function channel(): Promise<string> {
  const res = await owner.post(`/api/workspaces/${ws}/channels`, { network: 'sink', credentials: { account: `c${++n}${Math.random().toString(36).slice(2, 6)}` } });
  expect(res.status).toBe(201);
  return res.body.id;
}
async function draft(body: Record<string, unknown>) {
  const res = await owner.post(`/api/workspaces/${ws}/posts`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

beforeAll(async () => {
  // A page with an Open Graph card, served on loopback (allowed only because the test says so).
  page = createServer((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (req.url === '/moved') return res.writeHead(302, { location: '/card' }).end();
    res.end('<html><head><meta property="og:title" content="Autumn menu"><meta property="og:description" content="Chestnut cappuccino is back"><meta property="og:image" content="/img.png"></head><body></body></html>');
  });
  await new Promise<void>((r) => page.listen(0, '127.0.0.1', r));
  const addr = page.address();
  pageUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  t = await startTestTandem({ ENABLE_SINK_CONNECTOR: 'true', LINK_PREVIEW_PRIVATE_HOSTS: 'true' });
  owner = (await signUpUser(t.baseUrl, 'Owner')).client;
  ws = (await owner.post('/api/workspaces', { name: 'Composer' })).body.id;
});
afterAll(async () => {
  await t?.stop();
  page?.close();
});

describe('networks', () => {
  it('lists each network with its limits, options and connect fields', async () => {
    const res = await owner.get('/api/networks');
    expect(res.status).toBe(200);
    const bluesky = res.body.networks.find((x: { network: string }) => x.network === 'bluesky');
    expect(bluesky.text).toEqual([{ unit: 'graphemes', max: 300 }, { unit: 'utf8Bytes', max: 3000 }]);
    expect(bluesky.options.map((o: { key: string }) => o.key)).toEqual(['language', 'contentWarning']);
    expect(bluesky.connectFields.find((f: { key: string }) => f.key === 'appPassword')).toMatchObject({ kind: 'password', required: true });
    expect(res.body.networks.some((x: { network: string }) => x.network === 'sink')).toBe(true);
  });

  it('needs a signed-in caller', async () => {
    expect((await new ApiClient(t.baseUrl).get('/api/networks')).status).toBe(401);
  });
});

describe('post content', () => {
  it('keeps base first comment, per-channel overrides and declared options', async () => {
    const [a, b] = [await channel(), await channel()];
    const p = await draft({ text: 'New roast', firstComment: 'Order at caffeaurora.demo', channelIds: [a, b], variants: { [b]: { parts: [{ text: 'New roast on B' }], firstComment: '', options: { pinned: true } } } });
    const va = p.variants.find((v: { channelId: string }) => v.channelId === a);
    const vb = p.variants.find((v: { channelId: string }) => v.channelId === b);
    expect(va).toMatchObject({ inherit: true, firstComment: 'Order at caffeaurora.demo', options: {} });
    expect(vb).toMatchObject({ inherit: false, firstComment: null, options: { pinned: true } });
  });

  it('refuses an option the network does not declare, or a wrong value, naming the options', async () => {
    const a = await channel();
    const bad = await owner.post(`/api/workspaces/${ws}/posts`, { text: 'x', channelIds: [a], variants: { [a]: { parts: [{ text: 'x' }], options: { language: 'it' } } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/no option "language".*pinned/);
    const wrong = await owner.post(`/api/workspaces/${ws}/posts`, { text: 'x', channelIds: [a], variants: { [a]: { parts: [{ text: 'x' }], options: { pinned: 'yes' } } } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/true or false/);
  });

  it('refuses a campaign of another workspace', async () => {
    const other = (await owner.post('/api/workspaces', { name: 'Other' })).body.id;
    const camp = await owner.post(`/api/workspaces/${other}/campaigns`, { name: 'Elsewhere' });
    expect(camp.status).toBe(201);
    const res = await owner.post(`/api/workspaces/${ws}/posts`, { text: 'x', channelIds: [await channel()], campaignId: camp.body.id });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/campaign does not exist/);
  });

  it('fetches the card of the first link after saving, following a redirect', async () => {
    const p = await draft({ text: `Our autumn menu: ${pageUrl}/moved`, channelIds: [await channel()] });
    expect(p.linkPreview).toBeNull();
    const withCard = await until('the link card', async () => (await owner.get(`/api/workspaces/${ws}/posts/${p.id}`)).body.linkPreview);
    expect(withCard).toEqual({ url: `${pageUrl}/card`, title: 'Autumn menu', description: 'Chestnut cappuccino is back', imageUrl: `${pageUrl}/img.png` });
    // Editing the link drops the old card.
    const edited = await owner.patch(`/api/workspaces/${ws}/posts/${p.id}`, { text: 'No link any more' });
    expect(edited.body.linkPreview).toBeNull();
  });
});

describe('version history', () => {
  it('keeps every version and restores an old one as a new version', async () => {
    const a = await channel();
    const p = await draft({ text: 'First words', channelIds: [a] });
    await owner.patch(`/api/workspaces/${ws}/posts/${p.id}`, { text: 'Second words' });
    await owner.patch(`/api/workspaces/${ws}/posts/${p.id}`, { variants: { [a]: { parts: [{ text: 'Third, on the channel' }] } } });
    const list = await owner.get(`/api/workspaces/${ws}/posts/${p.id}/revisions`);
    expect(list.body.revisions.map((r: { version: number; text: string }) => [r.version, r.text])).toEqual([
      [3, 'Second words'],
      [2, 'Second words'],
      [1, 'First words'],
    ]);
    expect(list.body.revisions[0].variants[0].parts[0].text).toBe('Third, on the channel');
    const restored = await owner.post(`/api/workspaces/${ws}/posts/${p.id}/revisions/1/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ version: 4, text: 'First words' });
    expect(restored.body.variants[0]).toMatchObject({ inherit: true, parts: [{ text: 'First words' }] });
    expect((await owner.post(`/api/workspaces/${ws}/posts/${p.id}/revisions/99/restore`)).status).toBe(404);
  });
});

describe('disconnecting a channel with planned posts', () => {
  it('refuses without a choice, then moves or cancels as asked; nothing is dropped silently', async () => {
    const [a, b, c] = [await channel(), await channel(), await channel()];
    const soon = new Date(Date.now() + 3600_000).toISOString();
    const onlyA = (await draft({ text: 'only on A', channelIds: [a] })).id;
    await owner.post(`/api/workspaces/${ws}/posts/${onlyA}/schedule`, { scheduledAt: soon });
    const aAndB = (await draft({ text: 'on A and B', channelIds: [a, b] })).id;
    const refused = await owner.delete(`/api/workspaces/${ws}/channels/${a}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({ plannedPosts: 2, scheduledPosts: 1 });
    expect((await owner.delete(`/api/workspaces/${ws}/channels/${a}?scheduledPosts=move`)).status).toBe(400);

    expect((await owner.delete(`/api/workspaces/${ws}/channels/${a}?scheduledPosts=move&moveTo=${b}`)).status).toBe(200);
    const moved = (await owner.get(`/api/workspaces/${ws}/posts/${onlyA}`)).body;
    expect(moved).toMatchObject({ status: 'scheduled', variants: [{ channelId: b }], targets: [{ channelId: b, state: 'pending' }] });
    expect((await owner.get(`/api/workspaces/${ws}/posts/${aAndB}`)).body.variants.map((v: { channelId: string }) => v.channelId)).toEqual([b]);

    expect((await owner.delete(`/api/workspaces/${ws}/channels/${b}?scheduledPosts=cancel`)).status).toBe(200);
    expect((await owner.get(`/api/workspaces/${ws}/posts/${onlyA}`)).body.status).toBe('cancelled');
    expect((await owner.get(`/api/workspaces/${ws}/posts/${aAndB}`)).body.status).toBe('cancelled');
    expect((await owner.delete(`/api/workspaces/${ws}/channels/${c}`)).status).toBe(200);
  });
});

describe('review', () => {
  it('approving a post planned for later schedules it; request-changes sends it back with a reason', async () => {
    const a = await channel();
    const later = new Date(Date.now() + 2 * 3600_000).toISOString();
    const planned = await draft({ text: 'Planned', channelIds: [a], scheduledAt: later });
    await owner.post(`/api/workspaces/${ws}/posts/${planned.id}/submit`);
    const approved = await owner.post(`/api/workspaces/${ws}/posts/${planned.id}/approve`);
    expect(approved.body).toMatchObject({ status: 'scheduled', scheduledAt: later, targets: [{ channelId: a, state: 'pending', dueAt: later }] });

    const unplanned = await draft({ text: 'Not planned', channelIds: [a] });
    await owner.post(`/api/workspaces/${ws}/posts/${unplanned.id}/submit`);
    expect((await owner.post(`/api/workspaces/${ws}/posts/${unplanned.id}/request-changes`, { reason: ' ' })).status).toBe(400);
    const back = await owner.post(`/api/workspaces/${ws}/posts/${unplanned.id}/request-changes`, { reason: 'Add the opening hours' });
    expect(back.body).toMatchObject({ status: 'draft', approvedBy: null });
    expect((await owner.post(`/api/workspaces/${ws}/posts/${unplanned.id}/request-changes`, { reason: 'again' })).status).toBe(409);
  });
});

describe('published history outlives a disconnected channel', () => {
  it('keeps the published post and its target; connecting the same account again brings the channel back', async () => {
    const account = `hist${Math.random().toString(36).slice(2, 6)}`;
    const d = (await owner.post(`/api/workspaces/${ws}/channels`, { network: 'sink', credentials: { account } })).body.id as string;
    const p = await draft({ text: 'Goes out now', channelIds: [d] });
    expect((await owner.post(`/api/workspaces/${ws}/posts/${p.id}/publish`)).status).toBe(200);
    await until('published', async () => (await owner.get(`/api/workspaces/${ws}/posts/${p.id}`)).body.status === 'published');
    expect((await owner.delete(`/api/workspaces/${ws}/channels/${d}`)).status).toBe(200);
    expect((await owner.get(`/api/workspaces/${ws}/channels`)).body.channels.some((c: { id: string }) => c.id === d)).toBe(false);
    const after = (await owner.get(`/api/workspaces/${ws}/posts/${p.id}`)).body;
    expect(after).toMatchObject({ status: 'published', targets: [{ channelId: d, state: 'published' }] });
    expect((await owner.get(`/api/workspaces/${ws}/posts/${p.id}/attempts`)).body.attempts).toHaveLength(1);
    // a disconnected channel takes no new posts, and cannot be disconnected twice
    expect((await owner.post(`/api/workspaces/${ws}/posts`, { text: 'x', channelIds: [d] })).status).toBe(400);
    expect((await owner.delete(`/api/workspaces/${ws}/channels/${d}`)).status).toBe(404);
    const again = await owner.post(`/api/workspaces/${ws}/channels`, { network: 'sink', credentials: { account } });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: d, status: 'connected' });
  });
});

describe('what the publisher sends', () => {
  it('publishes media with alt text, options, the link card, and the first comment as a reply', async () => {
    const account = `pub${Math.random().toString(36).slice(2, 6)}`;
    const ch = (await owner.post(`/api/workspaces/${ws}/channels`, { network: 'sink', credentials: { account } })).body.id as string;
    const f = new FormData();
    f.append('altText', 'Two cups on the counter');
    f.append('file', new Blob([new Uint8Array(await makePng(80, 60))], { type: 'image/png' }), 'cups.png');
    const asset = await owner.post(`/api/workspaces/${ws}/media`, f);
    expect(asset.status).toBe(201);

    const withMedia = await draft({ text: 'Two cups', media: [{ assetId: asset.body.id }], firstComment: 'Menu in the bio', channelIds: [ch], variants: { [ch]: { options: { pinned: true } } } });
    const linkOnly = await draft({ text: `Read the menu ${pageUrl}/card`, channelIds: [ch] });
    await until('the link card', async () => (await owner.get(`/api/workspaces/${ws}/posts/${linkOnly.id}`)).body.linkPreview);
    for (const p of [withMedia, linkOnly]) expect((await owner.post(`/api/workspaces/${ws}/posts/${p.id}/publish`)).status).toBe(200);
    for (const p of [withMedia, linkOnly]) await until('published', async () => (await owner.get(`/api/workspaces/${ws}/posts/${p.id}`)).body.status === 'published');

    const sent = sinkStore.forAccount(account);
    const main = sent.find((x) => x.text === 'Two cups')!;
    expect(main).toMatchObject({ media: [{ mimeType: 'image/png', altText: 'Two cups on the counter' }], options: { pinned: true }, linkCard: undefined });
    expect(sent.find((x) => x.text === 'Menu in the bio')).toMatchObject({ replyTo: main.ref.id, media: [] });
    expect(sent.find((x) => x.text.startsWith('Read the menu'))).toMatchObject({ linkCard: `${pageUrl}/card`, media: [] });
    const attempts = (await owner.get(`/api/workspaces/${ws}/posts/${withMedia.id}/attempts`)).body.attempts;
    expect(attempts.map((a: { request: { mediaCount: number; reply: boolean } }) => [a.request.mediaCount, a.request.reply])).toEqual([
      [1, false],
      [0, true],
    ]);
  });
});

describe('a channel that needs reconnecting', () => {
  it('holds its due posts, without calling the network, until it is reconnected', async () => {
    const ch = await channel();
    const p = await draft({ text: 'Due while signed out', channelIds: [ch] });
    // Scheduled first, then the sign-in expires before the post is due.
    await owner.post(`/api/workspaces/${ws}/posts/${p.id}/schedule`, { scheduledAt: new Date(Date.now() + 1500).toISOString() });
    await t.database.db.update(channels).set({ status: 'needs_reconnect' }).where(eq(channels.id, ch));
    // Its job ran at the due time and held it: still planned, nothing sent, nothing failed.
    await until('the due time to pass', async () => Date.now() > new Date((await owner.get(`/api/workspaces/${ws}/posts/${p.id}`)).body.scheduledAt).getTime() + 3000);
    const held = (await owner.get(`/api/workspaces/${ws}/posts/${p.id}`)).body;
    expect(held.status).toBe('scheduled');
    expect(held.targets[0].state).toBe('pending');
    expect((await owner.get(`/api/workspaces/${ws}/posts/${p.id}/attempts`)).body.attempts).toEqual([]);
  });
});

describe('a failed publish', () => {
  it('tells the author which channel failed and why', async () => {
    const ch = await channel();
    const p = await draft({ text: 'Refused by the network', channelIds: [ch] });
    sinkStore.failNext(1, { kind: 'rejected', message: 'duplicate content' });
    await owner.post(`/api/workspaces/${ws}/posts/${p.id}/publish`);
    await until('failed', async () => (await owner.get(`/api/workspaces/${ws}/posts/${p.id}`)).body.status === 'failed');
    const list = (await owner.get(`/api/workspaces/${ws}/notifications`)).body.notifications as { kind: string; payload: Record<string, string> }[];
    const n = list.find((x) => x.kind === 'post.publish_failed' && x.payload.postId === p.id);
    expect(n?.payload).toMatchObject({ message: 'The network refused the post: duplicate content' });
    expect(n?.payload.channelName).toBeTruthy();
  });
});
