import { AppBskyFeedPost, RichText } from '@atproto/api';
import { afterAll, beforeAll } from 'vitest';
import { blueskyNetworkGate, startBlueskyNetwork, type BlueskyTestNetwork, type TestAccount } from '../test/blueskyNetwork';
import { connectorContract, type Scenario, type ScenarioEnv } from '../test/contract';
import type { ChannelAuth, ConnectorContext, InboundItem, InboundRef, RemoteRef } from '../types';
import { blueskyConnector as bluesky } from './index';

/**
 * The shared contract against a live local Bluesky network (PLC, PDS, AppView, Ozone from
 * @atproto/dev-env) instead of recordings: every scenario talks to a real PDS. Like bluesky.test.ts,
 * it runs only in the PostgreSQL pass (the AppView needs PostgreSQL); elsewhere the scenarios skip
 * with the gate's reason and only the manifest check runs.
 */
const gate = await blueskyNetworkGate();
if (!gate.run) console.log(gate.reason);

const ERROR_SKIP = 'covered by errors.test.ts with the PDS error shapes (the local PDS has rate limits off and gives no 5xx on demand)';
const scheduledAt = new Date('2026-11-23T09:00:00Z');

let net: BlueskyTestNetwork | undefined;
let brand: TestAccount;
let fan: TestAccount;
let auth: ChannelAuth;
let appPassword: string;
let seq = 0;

beforeAll(async () => {
  if (!gate.run) return;
  net = await startBlueskyNetwork();
  [brand, fan] = await Promise.all([net.createAccount('brand'), net.createAccount('fan')]);
  appPassword = (await brand.agent.com.atproto.server.createAppPassword({ name: 'tandem-contract' })).data.password;
  auth = (await bluesky.connect({ identifier: brand.handle, appPassword, service: net.pdsUrl })).auth;
}, 180_000);

afterAll(async () => net?.close(), 60_000);

const ctx = (): ConnectorContext => ({ auth, onAuthRefreshed: async (a) => void (auth = a) });
const strong = (r: RemoteRef) => ({ uri: r.id, cid: r.meta!.cid! });
const toRef = (item: InboundItem): InboundRef => ({ id: item.networkId, kind: item.kind, url: item.url, meta: item.meta, ...(item.rootId ? { root: { id: item.rootId } } : {}) });

/** A post of ours, indexed by the AppView before anyone answers it (else the reply gets no notification). */
async function ourPost(text: string): Promise<RemoteRef> {
  const ref = await bluesky.publish(ctx(), { text, media: [], idempotencyKey: `contract-setup-${++seq}`, scheduledAt });
  await net!.sync();
  return ref;
}

async function fanWrites(record: Partial<AppBskyFeedPost.Record> & { text: string }): Promise<{ uri: string; cid: string }> {
  const rt = new RichText({ text: record.text });
  await rt.detectFacets(fan.agent);
  const { uri, cid } = await fan.agent.post({ ...record, text: rt.text, ...(rt.facets?.length ? { facets: rt.facets } : {}) });
  await net!.sync();
  return { uri, cid };
}

/** A reply from the fan under a new post of ours, as the inbox would hold it. */
async function inboundReply(): Promise<InboundRef> {
  const root = await ourPost('What should we roast next?');
  const reply = await fanWrites({ text: 'Ethiopian, please!', reply: { root: strong(root), parent: strong(root) } });
  const { items } = await bluesky.pullInbound!(ctx(), { ourPosts: [root] });
  const item = items.find((i) => i.networkId === reply.uri);
  if (!item) throw new Error('the fan\'s reply was not pulled');
  return toRef(item);
}

async function input(scenario: Scenario): Promise<Record<string, unknown> | undefined> {
  switch (scenario) {
    case 'connect':
      return { identifier: brand.handle, appPassword, service: net!.pdsUrl };
    case 'pull_inbound': {
      const root = await ourPost('Our autumn roastery tour starts Saturday');
      await fanWrites({ text: 'Count me in', reply: { root: strong(root), parent: strong(root) } });
      await fanWrites({ text: `Friends, follow @${brand.handle} for the tour` });
      await fanWrites({ text: 'This looks great', embed: { $type: 'app.bsky.embed.record', record: strong(root) } });
      return { ourPosts: [root] };
    }
    case 'reply':
      return { to: await inboundReply() };
    case 'hide_comment':
      return { item: await inboundReply() };
    case 'post_metrics': {
      const ref = await ourPost('Count my likes');
      await fan.agent.like(ref.id, ref.meta!.cid!);
      await net!.sync();
      return { refs: [ref] };
    }
    case 'channel_metrics':
      await fan.agent.follow(brand.did);
      await net!.sync();
      return undefined;
    default:
      return undefined;
  }
}

connectorContract({
  connector: bluesky,
  async prepare(scenario): Promise<ScenarioEnv | { skip: string }> {
    if (!gate.run) return { skip: gate.reason };
    if (scenario.startsWith('error_')) return { skip: ERROR_SKIP };
    return {
      ctx: ctx(),
      recording: { source: `live local network (@atproto/dev-env 0.3.215, PDS ${net!.pdsUrl})`, exchanges: [], input: await input(scenario) },
      finish: () => {},
    };
  },
});
