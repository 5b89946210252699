import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSinkWebhook, sinkStore, SINK_SIGNATURE_HEADER } from '../../../connectors/sink';
import { auditLog, channels, channelSync, inboundItems } from '../../db/schema';
import { ApiClient, signUpUser } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { addMember } from '../../test/workspaceMember';
import { until } from '../../test/until';
import { analyzeInbound } from './jobs/analyzeInbound';
import { pullInbound } from './jobs/pullInbound';

/**
 * Inbound comments, mentions and messages over HTTP and the job queue, against the local sink
 * network: pulls (idempotent, cursor, rate limits), webhooks (signature), answering and moderating
 * with the role matrix. Both databases.
 */
const WEBHOOK_SECRET = 'sink-webhook-secret-for-tests';
let t: TestTandem;
let ws: string;
let owner: ApiClient;
let cm: ApiClient;
let contributor: ApiClient;
let analyst: ApiClient;

beforeAll(async () => {
  t = await startTestTandem({ ENABLE_SINK_CONNECTOR: 'true', WEBHOOK_SINK_SECRET: WEBHOOK_SECRET });
  owner = (await signUpUser(t.baseUrl, 'Owner')).client;
  ws = (await owner.post('/api/workspaces', { name: 'Inbox' })).body.id;
  [cm, contributor, analyst] = await Promise.all([addMember(t, ws, ['community_manager']), addMember(t, ws, ['contributor']), addMember(t, ws, ['analyst'])]);
});
afterAll(async () => t?.stop());

let n = 0;
async function channel() {
  const account = `inbox${++n}${Math.random().toString(36).slice(2, 6)}`;
  const res = await owner.post(`/api/workspaces/${ws}/channels`, { network: 'sink', credentials: { account } });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, account };
}

/** Publishes a post on the channel through Tandem and returns its target and the network's id. */
async function published(channelId: string) {
  const post = (await owner.post(`/api/workspaces/${ws}/posts`, { text: `Roastery tour ${Math.random()}`, channelIds: [channelId] })).body;
  await owner.post(`/api/workspaces/${ws}/posts/${post.id}/publish`);
  const done = await until('the post to be published', async () => {
    const p = (await owner.get(`/api/workspaces/${ws}/posts/${post.id}`)).body;
    return p.status === 'published' && p;
  });
  return { targetId: done.targets[0].id as string, remoteId: done.targets[0].remoteRefs[0].id as string };
}

const items = async (channelId: string) => t.database.db.select().from(inboundItems).where(eq(inboundItems.channelId, channelId));
const pull = async (channelId: string) => {
  const before = (await t.database.db.select().from(channelSync).where(eq(channelSync.channelId, channelId)))[0]?.inboundPulledAt?.getTime() ?? 0;
  await t.jobs.enqueue(t.database.db, pullInbound, { channelId });
  await until('the pull to run', async () => ((await t.database.db.select().from(channelSync).where(eq(channelSync.channelId, channelId)))[0]?.inboundPulledAt?.getTime() ?? 0) > before);
};

describe('pulling inbound items', () => {
  it('stores comments under our posts (linked to the post) and mentions, once each, with the cursor', async () => {
    const c = await channel();
    const { targetId, remoteId } = await published(c.id);
    sinkStore.addInbound(c.account, { text: '¿A qué hora empieza?', kind: 'comment', rootId: remoteId, parentId: remoteId, language: 'es', author: { id: 'sink:lucia', handle: 'lucia', displayName: 'Lucía' } });
    sinkStore.addInbound(c.account, { text: '@you see you Saturday', kind: 'mention' });
    await pull(c.id);
    const first = await items(c.id);
    expect(first).toHaveLength(2);
    const comment = first.find((i) => i.kind === 'comment')!;
    expect(comment).toMatchObject({ targetId, language: 'es', authorHandle: 'lucia', authorName: 'Lucía', rootId: remoteId, workspaceId: ws });
    expect(first.find((i) => i.kind === 'mention')!.targetId).toBeNull();
    const [sync] = await t.database.db.select().from(channelSync).where(eq(channelSync.channelId, c.id));
    expect(sync!.inboundCursor).toBeTruthy();

    // Nothing new: nothing stored twice. A new item comes after the cursor.
    await pull(c.id);
    expect(await items(c.id)).toHaveLength(2);
    sinkStore.addInbound(c.account, { text: 'Ciao!', kind: 'message', conversationId: 'dm-1' });
    await pull(c.id);
    expect((await items(c.id)).map((i) => i.kind).sort()).toEqual(['comment', 'mention', 'message']);

    // The same item pulled again from the start (a lost cursor) changes nothing.
    await t.database.db.update(channelSync).set({ inboundCursor: null }).where(eq(channelSync.channelId, c.id));
    await pull(c.id);
    expect(await items(c.id)).toHaveLength(3);
  });

  it('holds while the network rate-limits, records the failure, and never disconnects on a transient error', async () => {
    const c = await channel();
    const until30s = new Date(Date.now() + 30_000);
    sinkStore.failNext(1, { kind: 'rate_limited', message: 'Slow down (sink)', retryAfter: until30s }, 'inbound', c.account);
    await t.jobs.enqueue(t.database.db, pullInbound, { channelId: c.id });
    const limited = await until('the rate limit to be recorded', async () => {
      const [row] = await t.database.db.select().from(channels).where(eq(channels.id, c.id));
      return row?.rateLimitedUntil && row;
    });
    expect(limited.rateLimitedUntil!.getTime()).toBe(until30s.getTime());
    expect(limited).toMatchObject({ status: 'connected', lastError: 'Slow down (sink)' });
    // While it lasts, the pull does not call the network: a queued item stays on the network.
    sinkStore.addInbound(c.account, { text: 'waiting' });
    await t.jobs.enqueue(t.database.db, pullInbound, { channelId: c.id });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await items(c.id)).toHaveLength(0);
    // The channel view shows it.
    const shown = (await owner.get(`/api/workspaces/${ws}/channels`)).body.channels.find((x: { id: string }) => x.id === c.id);
    expect(shown).toMatchObject({ status: 'connected', lastError: 'Slow down (sink)', rateLimitedUntil: until30s.toISOString() });

    await t.database.db.update(channels).set({ rateLimitedUntil: null }).where(eq(channels.id, c.id));
    sinkStore.failNext(1, { kind: 'transient', message: 'Sink is restarting' }, 'inbound', c.account);
    await t.jobs.enqueue(t.database.db, pullInbound, { channelId: c.id });
    await until('the transient failure to be recorded', async () => (await t.database.db.select().from(channels).where(eq(channels.id, c.id)))[0]?.lastError === 'Sink is restarting');
    expect((await t.database.db.select().from(channels).where(eq(channels.id, c.id)))[0]!.status).toBe('connected');
    await pull(c.id);
    expect(await items(c.id)).toHaveLength(1);
    const healthy = (await owner.get(`/api/workspaces/${ws}/channels`)).body.channels.find((x: { id: string }) => x.id === c.id);
    expect(new Date(healthy.lastOkAt).getTime()).toBeGreaterThan(new Date(healthy.lastErrorAt).getTime());
  });

  it('marks the channel for reconnection when the network refuses its sign-in', async () => {
    const c = await channel();
    sinkStore.failNext(1, { kind: 'auth_expired', message: 'Token revoked by the sink' }, 'inbound', c.account);
    await t.jobs.enqueue(t.database.db, pullInbound, { channelId: c.id });
    await until('the channel to need reconnecting', async () => (await t.database.db.select().from(channels).where(eq(channels.id, c.id)))[0]?.status === 'needs_reconnect');
    const notes = (await owner.get(`/api/workspaces/${ws}/notifications`)).body.notifications as { kind: string; payload: Record<string, string> }[];
    expect(notes.find((x) => x.kind === 'channel.needs_reconnect' && x.payload.channelId === c.id)?.payload.message).toBe('Token revoked by the sink');
  });
});

describe('the scheduled pull', () => {
  it('pulls every connected channel whose network has inbound, skipping rate-limited ones', async () => {
    const [a, b] = [await channel(), await channel()];
    await t.database.db.update(channels).set({ rateLimitedUntil: new Date(Date.now() + 600_000) }).where(eq(channels.id, b.id));
    sinkStore.addInbound(a.account, { text: 'for a' });
    sinkStore.addInbound(b.account, { text: 'for b' });
    await t.jobs.enqueue(t.database.db, pullInbound, {});
    await until('channel a to be pulled', async () => (await items(a.id)).length === 1);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await items(b.id)).toHaveLength(0);
  });
});

describe('webhooks', () => {
  const push = (channelId: string, body: string, signature: string | null) =>
    fetch(`${t.baseUrl}/api/webhooks/${channelId}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature && { [SINK_SIGNATURE_HEADER]: signature }) }, body });

  it('stores the items of a correctly signed request, once, and refuses a bad or missing signature with 401', async () => {
    const c = await channel();
    const body = JSON.stringify({ items: [{ networkId: `pushed-${c.account}`, kind: 'message', author: { id: 'sink:giulia', handle: 'giulia' }, text: 'Are you open on Sunday?', createdAt: '2026-11-23T10:00:00.000Z' }] });
    const bad = await push(c.id, body, signSinkWebhook(body, 'not-the-secret'));
    expect(bad.status).toBe(401);
    expect((await bad.json()).error.code).toBe('UNAUTHENTICATED');
    expect((await push(c.id, body, null)).status).toBe(401);
    expect((await push(c.id, body.replace('Sunday', 'Monday'), signSinkWebhook(body, WEBHOOK_SECRET))).status).toBe(401);
    expect(await items(c.id)).toHaveLength(0);

    const ok = await push(c.id, body, signSinkWebhook(body, WEBHOOK_SECRET));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ received: 1, stored: 1 });
    const again = await push(c.id, body, signSinkWebhook(body, WEBHOOK_SECRET));
    expect(await again.json()).toEqual({ received: 1, stored: 0 });
    const [item] = await items(c.id);
    expect(item).toMatchObject({ kind: 'message', text: 'Are you open on Sunday?', authorHandle: 'giulia' });
    expect(item!.createdAt.toISOString()).toBe('2026-11-23T10:00:00.000Z');
  });

  it('keeps the raw bytes whatever the content type (signatures are over the exact body)', async () => {
    const c = await channel();
    const body = JSON.stringify({ items: [{ networkId: `raw-${c.account}`, kind: 'comment', author: { id: 'sink:x', handle: 'x' }, text: 'Spacing   and unicode ☕ kept', createdAt: '2026-11-23T10:00:00.000Z' }] });
    const noType = await fetch(`${t.baseUrl}/api/webhooks/${c.id}`, { method: 'POST', headers: { [SINK_SIGNATURE_HEADER]: signSinkWebhook(body, WEBHOOK_SECRET) }, body: new TextEncoder().encode(body) });
    expect(noType.status, await noType.clone().text()).toBe(200);
    const form = await fetch(`${t.baseUrl}/api/webhooks/${c.id}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', [SINK_SIGNATURE_HEADER]: signSinkWebhook(body, WEBHOOK_SECRET) }, body });
    expect(await form.json()).toEqual({ received: 1, stored: 0 });
    expect((await items(c.id))[0]!.text).toBe('Spacing   and unicode ☕ kept');
  });

  it('confirms a subscription handshake only with the right verify token, echoing the challenge as text', async () => {
    const c = await channel();
    const ask = (token: string) => fetch(`${t.baseUrl}/api/webhooks/${c.id}?mode=subscribe&token=${encodeURIComponent(token)}&challenge=1158201444`);
    const ok = await ask(WEBHOOK_SECRET);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await ask('guessed');
    expect(wrong.status).toBe(403);
    expect((await wrong.json()).error.code).toBe('FORBIDDEN');
  });

  it('answers 404 for a channel that does not exist', async () => {
    expect((await push('00000000-0000-4000-8000-000000000000', '{}', 'sha256=00')).status).toBe(404);
  });
});

describe('the inbox API', () => {
  let c: { id: string; account: string };
  let ids: string[];
  beforeAll(async () => {
    c = await channel();
    const { remoteId } = await published(c.id);
    for (let i = 0; i < 5; i++) sinkStore.addInbound(c.account, { text: `Comment ${i}`, kind: 'comment', rootId: remoteId, createdAt: new Date(Date.UTC(2026, 10, 20, 10, i)) });
    await pull(c.id);
    ids = (await items(c.id)).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).map((i) => i.id);
  });

  it('lists items newest first, a page at a time, to the roles that read the inbox', async () => {
    const p1 = await cm.get(`/api/workspaces/${ws}/inbound?channelId=${c.id}&limit=2`);
    expect(p1.status).toBe(200);
    expect(p1.body.items.map((i: { id: string }) => i.id)).toEqual(ids.slice(0, 2));
    expect(p1.body.items[0]).not.toHaveProperty('meta');
    const p2 = await cm.get(`/api/workspaces/${ws}/inbound?channelId=${c.id}&limit=2&cursor=${p1.body.nextCursor}`);
    const p3 = await cm.get(`/api/workspaces/${ws}/inbound?channelId=${c.id}&limit=2&cursor=${p2.body.nextCursor}`);
    expect([...p2.body.items, ...p3.body.items].map((i: { id: string }) => i.id)).toEqual(ids.slice(2));
    expect(p3.body.nextCursor).toBeNull();
    expect((await cm.get(`/api/workspaces/${ws}/inbound?cursor=garbage`)).status).toBe(400);
    expect((await analyst.get(`/api/workspaces/${ws}/inbound`)).status).toBe(403);
    expect((await contributor.get(`/api/workspaces/${ws}/inbound`)).status).toBe(403);
  });

  it('analyses every item on arrival (language, sentiment, toxicity) and filters by them', async () => {
    const d = await channel();
    const { remoteId } = await published(d.id);
    const texts = {
      praise: 'Adoro questo caffè, il migliore della città! 😍',
      complaint: 'No me gustó nada, el peor servicio de mi vida',
      abuse: 'you are a fucking idiot',
    };
    for (const text of Object.values(texts)) sinkStore.addInbound(d.account, { text, kind: 'comment', rootId: remoteId });
    // A language the network states is trusted over detection (which cannot tell from "lol").
    sinkStore.addInbound(d.account, { text: 'lol', kind: 'comment', rootId: remoteId, language: 'it-IT' });
    sinkStore.addInbound(d.account, { text: 'lol!', kind: 'comment', rootId: remoteId });
    await pull(d.id);
    const listed = (await cm.get(`/api/workspaces/${ws}/inbound?channelId=${d.id}`)).body.items as { text: string; analysis: { language: string; sentiment: { label: string; scores: { negative: number; neutral: number; positive: number } }; toxicity: { score: number; label: string; reasons: string[] } } }[];
    const byText = new Map(listed.map((i) => [i.text, i.analysis]));
    expect(byText.get(texts.praise)).toMatchObject({ language: 'it', sentiment: { label: 'positive' }, toxicity: { label: 'ok' } });
    expect(byText.get(texts.complaint)).toMatchObject({ language: 'es', sentiment: { label: 'negative' } });
    expect(byText.get(texts.abuse)!.toxicity).toMatchObject({ label: 'offensive', reasons: expect.arrayContaining(['idiot']) });
    expect(byText.get(texts.abuse)!.toxicity.score).toBeGreaterThanOrEqual(0.5);
    expect(byText.get('lol')!.language).toBe('it');
    expect(byText.get('lol!')!.language).toBe('unknown');
    const scores = byText.get(texts.praise)!.sentiment.scores;
    expect(scores.negative + scores.neutral + scores.positive).toBeCloseTo(1, 2);

    const negative = (await cm.get(`/api/workspaces/${ws}/inbound?channelId=${d.id}&sentiment=negative`)).body.items.map((i: { text: string }) => i.text);
    expect(negative).toContain(texts.complaint);
    expect(negative).not.toContain(texts.praise);
    const flagged = (await cm.get(`/api/workspaces/${ws}/inbound?channelId=${d.id}&toxicity=offensive`)).body.items.map((i: { text: string }) => i.text);
    expect(flagged).toEqual([texts.abuse]);
    expect((await cm.get(`/api/workspaces/${ws}/inbound?sentiment=angry`)).status).toBe(400);
  });

  it('analyses the items stored before analysis existed, by a job, and leaves analysed ones alone', async () => {
    const d = await channel();
    const [old] = await t.database.db
      .insert(inboundItems)
      .values({ workspaceId: ws, channelId: d.id, kind: 'mention', networkId: 'before-analysis', authorId: 'a', authorHandle: 'a', text: 'Servizio pessimo, che schifo', createdAt: new Date() })
      .returning();
    expect(old!.sentiment).toBeNull();
    await t.jobs.enqueue(t.database.db, analyzeInbound, {});
    const analysed = await until('the backlog to be analysed', async () => {
      const [row] = await t.database.db.select().from(inboundItems).where(eq(inboundItems.id, old!.id));
      return row?.sentiment && row;
    });
    expect(analysed).toMatchObject({ detectedLanguage: 'it', sentiment: 'negative' });
    const listed = (await cm.get(`/api/workspaces/${ws}/inbound?channelId=${d.id}`)).body.items[0];
    expect(listed.analysis.sentiment.label).toBe('negative');
  });

  it('answers an item as the account (the community manager may), once for a repeated request', async () => {
    const before = sinkStore.forAccount(c.account).length;
    const res = await cm.post(`/api/workspaces/${ws}/inbound/${ids[0]}/reply`, { text: 'Alle 10, vi aspettiamo!' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const again = await cm.post(`/api/workspaces/${ws}/inbound/${ids[0]}/reply`, { text: 'Alle 10, vi aspettiamo!' });
    expect(again.body.remoteId).toBe(res.body.remoteId);
    const mine = sinkStore.forAccount(c.account);
    expect(mine).toHaveLength(before + 1);
    const [item] = await t.database.db.select().from(inboundItems).where(eq(inboundItems.id, ids[0]!));
    expect(mine.at(-1)).toMatchObject({ text: 'Alle 10, vi aspettiamo!', replyTo: item!.networkId });
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'inbound.replied'), eq(auditLog.targetId, ids[0]!)));
    expect(audit.length).toBeGreaterThan(0);
    expect((await contributor.post(`/api/workspaces/${ws}/inbound/${ids[0]}/reply`, { text: 'x' })).status).toBe(403);
    expect((await cm.post(`/api/workspaces/${ws}/inbound/${ids[0]}/reply`, { text: '   ' })).status).toBe(400);
  });

  it('shows the network\'s refusal verbatim, after ours', async () => {
    sinkStore.failNext(1, { kind: 'rejected', message: 'Replies are closed on this post' }, 'reply', c.account);
    const res = await cm.post(`/api/workspaces/${ws}/inbound/${ids[1]}/reply`, { text: 'Hello' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Local sink (tests) refused it: Replies are closed on this post');
  });

  it('hides and deletes comments on the network and records it; a deleted comment cannot be hidden', async () => {
    const hidden = await cm.post(`/api/workspaces/${ws}/inbound/${ids[2]}/hide`);
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ moderation: 'hidden' });
    expect((await cm.post(`/api/workspaces/${ws}/inbound/${ids[2]}/hide`)).body.moderation).toBe('hidden');
    const del = await owner.post(`/api/workspaces/${ws}/inbound/${ids[3]}/delete`);
    expect(del.body).toMatchObject({ moderation: 'deleted' });
    expect(del.body.moderatedAt).toBeTruthy();
    const [deleted] = await t.database.db.select().from(inboundItems).where(eq(inboundItems.id, ids[3]!));
    expect(sinkStore.moderated.get(deleted!.networkId)).toBe('deleted');
    expect((await cm.post(`/api/workspaces/${ws}/inbound/${ids[3]}/hide`)).status).toBe(409);
    expect((await contributor.post(`/api/workspaces/${ws}/inbound/${ids[4]}/hide`)).status).toBe(403);
  });

  it('never shows another workspace\'s items', async () => {
    const other = (await signUpUser(t.baseUrl, 'Other')).client;
    const otherWs = (await other.post('/api/workspaces', { name: 'Elsewhere' })).body.id;
    expect((await other.get(`/api/workspaces/${otherWs}/inbound`)).body.items).toEqual([]);
    expect((await other.post(`/api/workspaces/${otherWs}/inbound/${ids[4]}/hide`)).status).toBe(404);
  });
});
