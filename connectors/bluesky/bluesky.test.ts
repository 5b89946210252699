import { AppBskyEmbedImages, AppBskyFeedPost, AppBskyRichtextFacet, AtUri, RichText } from '@atproto/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blueskyNetworkGate, startBlueskyNetwork, type BlueskyTestNetwork, type TestAccount } from '../test/blueskyNetwork';
import { PublishError, type ChannelAuth, type ConnectorContext, type InboundItem, type InboundRef, type PublishInput, type RemoteRef } from '../types';
import { blueskyConnector as bluesky } from './index';

/** The Bluesky connector against a real local network (PLC, PDS, AppView, Ozone from @atproto/dev-env). */
const gate = await blueskyNetworkGate();
if (!gate.run) console.log(gate.reason);

// A 1×1 PNG.
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
const at = new Date('2026-11-22T18:00:00.000Z');
let seq = 0;
const key = (name: string) => `${name}-${Date.now()}-${++seq}`;
const post = (text: string, extra: Partial<PublishInput> = {}): PublishInput => ({ text, media: [], idempotencyKey: key('post'), scheduledAt: at, ...extra });

describe.skipIf(!gate.run)('Bluesky connector on a local network', { timeout: 60_000 }, () => {
  let net: BlueskyTestNetwork;
  let alice: TestAccount;
  let bob: TestAccount;
  let auth: ChannelAuth;
  const refreshed: ChannelAuth[] = [];
  const ctx = (): ConnectorContext => ({ auth, onAuthRefreshed: async (a) => void refreshed.push(a) });
  const timings: Record<string, number> = {};

  const getPost = async (ref: RemoteRef) => {
    const { data } = await alice.agent.app.bsky.feed.getPosts({ uris: [ref.id] });
    return data.posts[0];
  };
  const postsWithText = async (text: string) => {
    const { data } = await alice.agent.com.atproto.repo.listRecords({ repo: alice.did, collection: 'app.bsky.feed.post', limit: 100 });
    return data.records.filter((r) => (r.value as AppBskyFeedPost.Record).text === text);
  };

  beforeAll(async () => {
    let t = Date.now();
    net = await startBlueskyNetwork();
    timings.networkStart = Date.now() - t;
    t = Date.now();
    [alice, bob] = await Promise.all([net.createAccount('alice'), net.createAccount('bob')]);
    const { data } = await alice.agent.com.atproto.server.createAppPassword({ name: 'tandem' });
    const connected = await bluesky.connect({ identifier: alice.handle, appPassword: data.password, service: net.pdsUrl });
    auth = connected.auth;
    expect(connected.account).toMatchObject({ id: alice.did, handle: alice.handle });
    timings.accountsAndConnect = Date.now() - t;
  }, 120_000);

  afterAll(async () => {
    const t = Date.now();
    await net?.close();
    timings.close = Date.now() - t;
    console.log(`Bluesky network timings (ms): ${JSON.stringify(timings)}`);
  }, 60_000);

  it('connect stores a session and refuses a wrong password', async () => {
    expect(auth).toMatchObject({ service: net.pdsUrl, did: alice.did, handle: alice.handle });
    expect(auth.accessJwt).toBeTruthy();
    expect(auth.refreshJwt).toBeTruthy();
    const err = await bluesky.connect({ identifier: alice.handle, appPassword: 'wrong-one', service: net.pdsUrl }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PublishError);
    expect((err as PublishError).kind).toBe('rejected');
  });

  it('publishes text with a mention, a link and a hashtag as facets with UTF-8 byte offsets', async () => {
    const text = `Café ☕ with @${bob.handle} → https://example.com/page?x=1 #tandem`;
    const ref = await bluesky.publish(ctx(), post(text));
    expect(ref.id).toMatch(new RegExp(`^at://${alice.did}/app.bsky.feed.post/`));
    expect(ref.meta?.cid).toBeTruthy();
    await net.sync();
    const view = await getPost(ref);
    const record = view!.record as AppBskyFeedPost.Record;
    expect(record.text).toBe(text);
    const bytes = Buffer.from(text, 'utf8');
    const found = (record.facets ?? []).map((f) => ({ span: bytes.subarray(f.index.byteStart, f.index.byteEnd).toString('utf8'), feature: f.features[0] }));
    const mention = found.find((f) => AppBskyRichtextFacet.isMention(f.feature));
    const link = found.find((f) => AppBskyRichtextFacet.isLink(f.feature));
    const tag = found.find((f) => AppBskyRichtextFacet.isTag(f.feature));
    expect(mention).toEqual({ span: `@${bob.handle}`, feature: expect.objectContaining({ did: bob.did }) });
    expect(link).toEqual({ span: 'https://example.com/page?x=1', feature: expect.objectContaining({ uri: 'https://example.com/page?x=1' }) });
    expect(tag).toEqual({ span: '#tandem', feature: expect.objectContaining({ tag: 'tandem' }) });
  });

  it('publishes an image with alt text and aspect ratio', async () => {
    const ref = await bluesky.publish(ctx(), post('with a picture', { media: [{ bytes: PNG, mimeType: 'image/png', altText: 'A single pixel', width: 1200, height: 800 }] }));
    await net.sync();
    const embed = (await getPost(ref))!.embed;
    expect(AppBskyEmbedImages.isView(embed)).toBe(true);
    const images = (embed as AppBskyEmbedImages.View).images;
    expect(images).toHaveLength(1);
    expect(images[0]).toMatchObject({ alt: 'A single pixel', aspectRatio: { width: 1200, height: 800 } });
  });

  it('publishes a link card with its thumbnail, the language and a content warning from the options', async () => {
    const ref = await bluesky.publish(ctx(), post('Autumn menu: caffeaurora.it/menu', { options: { language: 'it', contentWarning: 'graphic-media' }, linkCard: { url: 'https://caffeaurora.it/menu', title: 'Autumn menu', description: 'Chestnut cappuccino', thumb: { bytes: PNG, mimeType: 'image/png', altText: '' } } }));
    const { data } = await alice.agent.com.atproto.repo.getRecord({ repo: alice.did, collection: 'app.bsky.feed.post', rkey: ref.id.split('/').pop()! });
    const record = data.value as AppBskyFeedPost.Record;
    expect(record.langs).toEqual(['it']);
    expect(record.labels).toMatchObject({ values: [{ val: 'graphic-media' }] });
    expect(record.embed).toMatchObject({ $type: 'app.bsky.embed.external', external: { uri: 'https://caffeaurora.it/menu', title: 'Autumn menu', description: 'Chestnut cappuccino', thumb: { mimeType: 'image/png' } } });
    // 'auto' and 'none' leave the record alone
    const plain = await bluesky.publish(ctx(), post('No options', { options: { language: 'auto', contentWarning: 'none' } }));
    const plainRecord = (await alice.agent.com.atproto.repo.getRecord({ repo: alice.did, collection: 'app.bsky.feed.post', rkey: plain.id.split('/').pop()! })).data.value as AppBskyFeedPost.Record;
    expect(plainRecord.langs).toBeUndefined();
    expect(plainRecord.labels).toBeUndefined();
  });

  it('publishes a 3-part thread as chained replies', async () => {
    const first = await bluesky.publish(ctx(), post('thread 1/3'));
    const second = await bluesky.publish(ctx(), post('thread 2/3', { replyTo: { parent: first, root: first } }));
    // A parent without its CID (e.g. stored by an older version) is looked up.
    const third = await bluesky.publish(ctx(), post('thread 3/3', { replyTo: { parent: { id: second.id }, root: first } }));
    await net.sync();
    const { data } = await alice.agent.app.bsky.feed.getPosts({ uris: [second.id, third.id] });
    const reply = (uri: string) => (data.posts.find((p) => p.uri === uri)!.record as AppBskyFeedPost.Record).reply;
    expect(reply(second.id)).toEqual({ root: { uri: first.id, cid: first.meta!.cid }, parent: { uri: first.id, cid: first.meta!.cid } });
    expect(reply(third.id)).toEqual({ root: { uri: first.id, cid: first.meta!.cid }, parent: { uri: second.id, cid: second.meta!.cid } });
    const thread = await alice.agent.app.bsky.feed.getPostThread({ uri: first.id, depth: 5 });
    const t = thread.data.thread as any;
    expect(t.replies?.[0]?.post.uri).toBe(second.id);
    expect(t.replies?.[0]?.replies?.[0]?.post.uri).toBe(third.id);
  });

  it('posts exactly once per idempotency key, also when two attempts race', async () => {
    const text = `exactly once ${Date.now()}`;
    const input = post(text);
    const first = await bluesky.publish(ctx(), input);
    const again = await bluesky.publish(ctx(), { ...input });
    expect(again).toEqual(first);
    const raceText = `exactly once, racing ${Date.now()}`;
    const raceInput = post(raceText);
    const [a, b] = await Promise.all([bluesky.publish(ctx(), raceInput), bluesky.publish(ctx(), { ...raceInput })]);
    expect(a).toEqual(b);
    expect(await postsWithText(text)).toHaveLength(1);
    expect(await postsWithText(raceText)).toHaveLength(1);
    await net.sync();
    const feed = await alice.agent.app.bsky.feed.getAuthorFeed({ actor: alice.did, limit: 100 });
    expect(feed.data.feed.filter((f) => (f.post.record as AppBskyFeedPost.Record).text === text)).toHaveLength(1);
  });

  it('findPublished finds a post by its key and time, null otherwise; delete removes it', async () => {
    const input = post('to find and delete');
    const ref = await bluesky.publish(ctx(), input);
    expect(await bluesky.findPublished(ctx(), input.idempotencyKey, input.scheduledAt)).toEqual(ref);
    expect(await bluesky.findPublished(ctx(), key('never-published'), at)).toBeNull();
    expect(await bluesky.findPublished(ctx(), input.idempotencyKey, new Date(at.getTime() + 60_000))).toBeNull();
    await bluesky.delete(ctx(), ref);
    expect(await bluesky.findPublished(ctx(), input.idempotencyKey, input.scheduledAt)).toBeNull();
    await net.sync();
    expect(await getPost(ref)).toBeUndefined();
  });

  it('rejects what the network refuses: an image over 2 MB, text over 300 graphemes', async () => {
    const big = await bluesky
      .publish(ctx(), post('too big', { media: [{ bytes: new Uint8Array(2_000_001), mimeType: 'image/png', altText: 'big' }] }))
      .catch((e: unknown) => e);
    expect(big).toBeInstanceOf(PublishError);
    expect((big as PublishError).kind).toBe('rejected');
    const long = 'é'.repeat(301);
    const err = await bluesky.publish(ctx(), post(long)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PublishError);
    expect(err).toMatchObject({ kind: 'rejected', opts: { networkCode: 'InvalidRequest' } });
    expect((err as PublishError).message).toContain('grapheme');
    expect(await postsWithText(long)).toHaveLength(0);
  });

  it('maps a blob the PDS finds too big to rejected (the local PDS 0.4.217 still caps images at 1,000,000 B)', async () => {
    // bsky.social accepts 2,000,000 B (the lexicon in @atproto/api 0.19.19); the PDS bundled with
    // dev-env 0.3.215 validates against the older 1 MB limit, so older self-hosted PDSes refuse 1–2 MB
    // images. If a dev-env upgrade makes this publish succeed, the PDS accepts 2 MB: drop this case.
    const media = [{ bytes: new Uint8Array(1_500_000), mimeType: 'image/png', altText: 'large' }];
    const err = await bluesky.publish(ctx(), post('a 1.5 MB image', { media })).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'rejected', opts: { networkCode: 'InvalidRequest' } });
    expect((err as PublishError).message).toContain('blob too big');
  });

  it('refreshes an invalid access token, reports the new tokens and publishes', async () => {
    refreshed.length = 0;
    const before = auth;
    auth = { ...auth, accessJwt: `${auth.accessJwt!.slice(0, -6)}AAAAAA` };
    const ref = await bluesky.publish(ctx(), post('after a refresh'));
    expect(ref.meta?.cid).toBeTruthy();
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]).toMatchObject({ did: alice.did, handle: alice.handle, service: net.pdsUrl });
    expect(refreshed[0]!.refreshJwt).not.toBe(before.refreshJwt);
    auth = refreshed[0]!;
    // The reported tokens work as they are: no further refresh.
    await bluesky.publish(ctx(), post('with the refreshed tokens'));
    expect(refreshed).toHaveLength(1);
    // With both tokens unusable, the channel must be reconnected.
    const broken = { ...auth, accessJwt: 'garbage', refreshJwt: 'garbage' };
    const err = await bluesky.publish({ auth: broken, onAuthRefreshed: async () => undefined }, post('never')).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'auth_expired' });
  });

  it('fetchMetrics reads likes, reposts, replies and quotes from the AppView, and leaves out deleted posts', async () => {
    const ref = await bluesky.publish(ctx(), post('count my likes'));
    const gone = await bluesky.publish(ctx(), post('deleted before counting'));
    await net.sync();
    await bob.agent.like(ref.id, ref.meta!.cid!);
    await bob.agent.repost(ref.id, ref.meta!.cid!);
    await bob.agent.post({ text: 'a reply', reply: { root: { uri: ref.id, cid: ref.meta!.cid! }, parent: { uri: ref.id, cid: ref.meta!.cid! } } });
    await bluesky.delete(ctx(), gone);
    await net.sync();
    const metrics = await bluesky.fetchMetrics!(ctx(), [ref, gone, { id: 'sink://not-bluesky/1' }]);
    expect(metrics).toEqual([{ id: ref.id, likes: 1, reposts: 1, replies: 1, quotes: 0, raw: expect.objectContaining({ likeCount: 1, repostCount: 1, replyCount: 1, quoteCount: 0 }) }]);
  });

  // --- inbound, answers, moderation, account counters ---

  const strong = (r: RemoteRef) => ({ uri: r.id, cid: r.meta!.cid! });
  const toRef = (item: InboundItem): InboundRef => ({ id: item.networkId, kind: item.kind, url: item.url, meta: item.meta, ...(item.rootId ? { root: { id: item.rootId } } : {}) });
  /** Bob writes, then the AppView catches up (a reply indexed before its parent gets no notification). */
  const bobPost = async (record: Partial<AppBskyFeedPost.Record> & { text: string }) => {
    const { uri, cid } = await bob.agent.post(record);
    await net.sync();
    return { uri, cid };
  };
  const bobMentioning = async (text: string, extra: Partial<AppBskyFeedPost.Record> = {}) => {
    const rt = new RichText({ text });
    await rt.detectFacets(bob.agent);
    return bobPost({ text: rt.text, facets: rt.facets, ...extra });
  };
  const published = async (text: string) => {
    const ref = await bluesky.publish(ctx(), post(text));
    await net.sync();
    return ref;
  };
  const pull = (opts: { cursor?: string; ourPosts?: RemoteRef[] } = {}) => bluesky.pullInbound!(ctx(), opts);
  const uris = (items: InboundItem[]) => items.map((i) => i.networkId);
  const record = async (uri: string) => {
    const u = new AtUri(uri);
    return (await alice.agent.com.atproto.repo.getRecord({ repo: u.host, collection: u.collection, rkey: u.rkey })).data.value as Record<string, any>;
  };

  it('pullInbound finds replies (also those 5 levels down that no notification covers), mentions and quotes', async () => {
    const root = await published('Our autumn menu is out');
    const chain: { uri: string; cid: string }[] = [];
    for (let level = 1; level <= 5; level++) {
      const parent = chain.at(-1) ?? strong(root);
      chain.push(await bobPost({ text: `level ${level}`, ...(level === 1 ? { langs: ['it'] } : {}), reply: { root: strong(root), parent } }));
    }
    const mention = await bobMentioning(`Ask @${alice.handle} about the menu`);
    const replyMentioning = await bobMentioning(`@${alice.handle} is there oat milk?`, { reply: { root: strong(root), parent: strong(root) } });
    const quote = await bobPost({ text: 'Look at this', embed: { $type: 'app.bsky.embed.record', record: strong(root) } });

    const viaNotifications = await pull();
    expect(uris(viaNotifications.items)).toEqual(expect.arrayContaining([...chain.slice(0, 4).map((c) => c.uri), mention.uri, replyMentioning.uri, quote.uri]));
    // The AppView notifies a reply only up to 4 levels below our post (bsky REPLY_NOTIF_DEPTH = 5).
    expect(uris(viaNotifications.items)).not.toContain(chain[4]!.uri);
    const { items } = await pull({ ourPosts: [root] });
    expect(uris(items)).toContain(chain[4]!.uri);
    expect(new Set(uris(items)).size).toBe(items.length);
    const byUri = (u: string) => items.find((i) => i.networkId === u)!;

    const first = byUri(chain[0]!.uri);
    expect(first).toMatchObject({
      kind: 'reply',
      author: { id: bob.did, handle: bob.handle, url: `https://bsky.app/profile/${bob.handle}` },
      text: 'level 1',
      language: 'it',
      parentId: root.id,
      rootId: root.id,
      url: `https://bsky.app/profile/${bob.handle}/post/${new AtUri(chain[0]!.uri).rkey}`,
      meta: { cid: chain[0]!.cid, rootUri: root.id, rootCid: root.meta!.cid },
    });
    expect(Math.abs(first.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(byUri(chain[4]!.uri)).toMatchObject({ kind: 'reply', parentId: chain[3]!.uri, rootId: root.id });
    expect(byUri(mention.uri)).toMatchObject({ kind: 'mention', text: `Ask @${alice.handle} about the menu` });
    expect(byUri(mention.uri).rootId).toBeUndefined();
    // The AppView files it as a mention (one notification per post); it is a reply under our post.
    expect(byUri(replyMentioning.uri)).toMatchObject({ kind: 'reply', rootId: root.id });
    expect(byUri(quote.uri)).toMatchObject({ kind: 'quote', parentId: root.id, rootId: root.id });
  });

  it('the cursor returns only newer items, and once an older-dated one indexed late (inside the overlap)', async () => {
    const root = await published('Cursor check');
    await bobPost({ text: 'before the first pull', reply: { root: strong(root), parent: strong(root) } });
    const first = await pull({ ourPosts: [root] });
    expect(first.items.length).toBeGreaterThan(0);
    const again = await pull({ cursor: first.cursor, ourPosts: [root] });
    expect(again.items).toEqual([]);
    const fresh = await bobPost({ text: 'after the first pull', reply: { root: strong(root), parent: strong(root) } });
    // Dated 5 minutes ago: it sorts below items the first pull already returned.
    const late = await bobPost({ text: 'written earlier, indexed now', createdAt: new Date(Date.now() - 5 * 60_000).toISOString(), reply: { root: strong(root), parent: strong(root) } });
    const third = await pull({ cursor: again.cursor, ourPosts: [root] });
    expect(uris(third.items).sort()).toEqual([fresh.uri, late.uri].sort());
    expect((await pull({ cursor: third.cursor, ourPosts: [root] })).items).toEqual([]);
    expect((await pull({ cursor: third.cursor })).items).toEqual([]);
  });

  it('reply answers in the item\'s own thread, exactly once per key, also when two attempts race', async () => {
    const root = await published('Ask us anything');
    const r1 = await bobPost({ text: 'first', reply: { root: strong(root), parent: strong(root) } });
    const r2 = await bobPost({ text: 'second, deeper', reply: { root: strong(root), parent: r1 } });
    const mention = await bobMentioning(`Hey @${alice.handle}, open on Sunday?`);
    const { items } = await pull({ ourPosts: [root] });
    const deep = items.find((i) => i.networkId === r2.uri)!;

    const text = `Thanks @${bob.handle}! ${Date.now()}`;
    const k = key('answer');
    const a = await bluesky.reply!(ctx(), toRef(deep), { text, idempotencyKey: k });
    expect(await bluesky.reply!(ctx(), toRef(deep), { text, idempotencyKey: k })).toEqual(a);
    const raceText = `Racing answer ${Date.now()}`;
    const k2 = key('answer');
    const [c, d] = await Promise.all([bluesky.reply!(ctx(), toRef(deep), { text: raceText, idempotencyKey: k2 }), bluesky.reply!(ctx(), toRef(deep), { text: raceText, idempotencyKey: k2 })]);
    expect(c).toEqual(d);
    expect(await postsWithText(text)).toHaveLength(1);
    expect(await postsWithText(raceText)).toHaveLength(1);
    const answer = await record(a.id);
    expect(answer.reply).toEqual({ root: strong(root), parent: r2 });
    expect(answer.facets?.[0]?.features?.[0]).toMatchObject({ did: bob.did });

    // A mention is its own thread's root; without meta (e.g. stored by hand) the AppView is asked.
    const m = await bluesky.reply!(ctx(), { id: mention.uri, kind: 'mention' }, { text: 'Yes, 8 to 13!', idempotencyKey: key('answer') });
    expect((await record(m.id)).reply).toEqual({ root: mention, parent: mention });
    await net.sync();
    const thread = await alice.agent.app.bsky.feed.getPostThread({ uri: mention.uri });
    expect((thread.data.thread as any).replies.map((r: any) => r.post.uri)).toContain(m.id);
  });

  it('hideComment adds the reply to the root\'s threadgate, keeping its reply rules and hidden replies; detaches a quote', async () => {
    const root = await published('Hide check');
    const r1 = await bobPost({ text: 'hidden earlier in the app', reply: { root: strong(root), parent: strong(root) } });
    const r2 = await bobPost({ text: 'spam', reply: { root: strong(root), parent: strong(root) } });
    const rkey = new AtUri(root.id).rkey;
    const gate = { $type: 'app.bsky.feed.threadgate', post: root.id, createdAt: '2026-11-01T00:00:00.000Z', allow: [{ $type: 'app.bsky.feed.threadgate#mentionRule' }], hiddenReplies: [r1.uri] };
    await alice.agent.com.atproto.repo.createRecord({ repo: alice.did, collection: 'app.bsky.feed.threadgate', rkey, record: gate });
    await net.sync();
    const { items } = await pull({ ourPosts: [root] });
    const spam = toRef(items.find((i) => i.networkId === r2.uri)!);
    expect(spam.root?.id).toBe(root.id);
    await bluesky.hideComment!(ctx(), spam);
    await bluesky.hideComment!(ctx(), spam);
    const after = (await alice.agent.com.atproto.repo.getRecord({ repo: alice.did, collection: 'app.bsky.feed.threadgate', rkey })).data.value;
    expect(after).toEqual({ ...gate, hiddenReplies: [r1.uri, r2.uri] });
    await net.sync();
    const thread = (await alice.agent.app.bsky.feed.getPostThread({ uri: root.id })).data.thread as any;
    expect(thread.post.threadgate.record.hiddenReplies).toEqual([r1.uri, r2.uri]);

    // No threadgate yet: one is created with no `allow`, so everyone may still reply.
    const open = await published('Open thread');
    const r3 = await bobPost({ text: 'rude', reply: { root: strong(open), parent: strong(open) } });
    const quote = await bobPost({ text: 'look at them', embed: { $type: 'app.bsky.embed.record', record: strong(open) } });
    const latest = await pull({ ourPosts: [open] });
    await bluesky.hideComment!(ctx(), toRef(latest.items.find((i) => i.networkId === r3.uri)!));
    const created = await record(`at://${alice.did}/app.bsky.feed.threadgate/${new AtUri(open.id).rkey}`);
    expect(created).toMatchObject({ post: open.id, hiddenReplies: [r3.uri] });
    expect(created.allow).toBeUndefined();
    const stillOpen = await bobPost({ text: 'can I still reply?', reply: { root: strong(open), parent: strong(open) } });
    expect((await alice.agent.app.bsky.feed.getPosts({ uris: [stillOpen.uri] })).data.posts).toHaveLength(1);

    // A quote: detached through the quoted post's postgate.
    await bluesky.hideComment!(ctx(), toRef(latest.items.find((i) => i.networkId === quote.uri)!));
    expect(await record(`at://${alice.did}/app.bsky.feed.postgate/${new AtUri(open.id).rkey}`)).toMatchObject({ post: open.id, detachedEmbeddingUris: [quote.uri] });
    await net.sync();
    const quoteView = (await alice.agent.app.bsky.feed.getPosts({ uris: [quote.uri] })).data.posts[0]!;
    expect((quoteView.embed as any).record.$type).toBe('app.bsky.embed.record#viewDetached');

    // Outside our threads there is nothing we may hide.
    const elsewhere = await bobMentioning(`@${alice.handle} over here`);
    const err = await bluesky.hideComment!(ctx(), { id: elsewhere.uri, kind: 'mention' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'rejected' });
  });

  it('fetchChannelMetrics reads followers, follows and posts from the profile', async () => {
    await bob.agent.follow(alice.did);
    await net.sync();
    const m = await bluesky.fetchChannelMetrics!(ctx());
    const profile = (await bob.agent.getProfile({ actor: alice.did })).data;
    expect(m).toMatchObject({ followers: 1, following: 0, posts: profile.postsCount, raw: { followersCount: 1, followsCount: 0, postsCount: profile.postsCount } });
    expect(m.posts).toBeGreaterThan(10);
  });
});
