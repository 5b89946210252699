import { AppBskyEmbedImages, AppBskyFeedPost, AppBskyRichtextFacet } from '@atproto/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blueskyNetworkGate, startBlueskyNetwork, type BlueskyTestNetwork, type TestAccount } from '../test/blueskyNetwork';
import { PublishError, type ChannelAuth, type ConnectorContext, type PublishInput, type RemoteRef } from '../types';
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
    expect(metrics).toEqual([{ id: ref.id, likes: 1, reposts: 1, replies: 1, quotes: 0 }]);
  });
});
