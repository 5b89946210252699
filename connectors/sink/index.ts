import { PublishError, type ChannelCapabilities, type Connector, type ConnectorContext, type PublishInput } from '../types';
import { sinkOAuthCapabilities, sinkOAuthMethods } from './oauth';
import { sinkStore } from './store';
import { answerSinkChallenge, parseSinkWebhook, verifySinkWebhook } from './webhook';

/**
 * A real connector to a local, in-process "network" (connectors/sink/store.ts): tests and benchmarks
 * publish into it and count what arrived, write to its accounts (inbound), set its counters, and make
 * it fail in each of the ways the server must survive. It honours idempotency keys like a well-behaved
 * network, and does everything a connector can do, so the generic server code is tested end to end.
 */
export { sinkStore, type SinkPost, type SinkFault, type SinkOp, type SinkInboundInput } from './store';
export { signSinkWebhook, SINK_SIGNATURE_HEADER } from './webhook';

export const sinkCapabilities: ChannelCapabilities = {
  network: 'sink',
  displayName: 'Local sink (tests)',
  auth: 'access_token',
  features: {
    readComments: true,
    readMentions: true,
    readMessages: true,
    reply: true,
    hideComments: true,
    deleteComments: true,
    postMetrics: true,
    followerCounts: true,
    webhooks: true,
  },
  text: [{ unit: 'graphemes', max: 300 }],
  media: { maxItems: 4, imageTypes: ['image/png', 'image/jpeg'], imageMaxBytes: 1_000_000, videoTypes: [], videoMaxBytes: 0, altTextRequired: false },
  threads: true,
  firstComment: true,
  nativeScheduling: false,
  quotas: [{ windowSeconds: 3600, limit: 100_000, cost: 1, action: 'create' }],
  options: [{ key: 'pinned', kind: 'boolean', default: false }],
  maxHashtags: 3,
  connectFields: [{ key: 'account', kind: 'text', required: true }],
};

export const sinkConnector: Connector = {
  capabilities: sinkCapabilities,
  async connect(input) {
    const account = input.account?.trim();
    if (!account) throw new PublishError('rejected', 'The sink needs an "account" name.');
    if (input.password === 'wrong') throw new PublishError('auth_expired', 'The sink refused these credentials.');
    const limits = sinkStore.limitsOf(account);
    return { auth: { account }, account: { id: `sink:${account}`, handle: account, displayName: account }, ...(limits && { limits }) };
  },
  async publish(ctx: ConnectorContext, input: PublishInput) {
    const account = accountOf(ctx);
    const ms = sinkStore.takeDelay();
    if (ms) await new Promise((r) => setTimeout(r, ms));
    return sinkStore.publish(account, input);
  },
  async findPublished(_ctx, idempotencyKey) {
    return sinkStore.find(idempotencyKey);
  },
  async delete() {
    /* posts stay in the sink's record: tests count what was ever published */
  },
  async fetchMetrics(ctx, refs) {
    return sinkStore.metricsOf(accountOf(ctx), refs);
  },
  async fetchChannelMetrics(ctx) {
    const account = accountOf(ctx);
    const followers = sinkStore.followersOf(account);
    const posts = sinkStore.forAccount(account).length;
    return { followers, posts, raw: { followers_count: followers, statuses_count: posts } };
  },
  async pullInbound(ctx, opts) {
    return sinkStore.pull(accountOf(ctx), opts.cursor);
  },
  async reply(ctx, to, input) {
    return sinkStore.reply(accountOf(ctx), to, input);
  },
  async hideComment(ctx, item) {
    sinkStore.moderate(accountOf(ctx), item, 'hidden');
  },
  async deleteComment(ctx, item) {
    sinkStore.moderate(accountOf(ctx), item, 'deleted');
  },
  verifyWebhook: verifySinkWebhook,
  parseWebhook: parseSinkWebhook,
  answerWebhookChallenge: answerSinkChallenge,
};

/**
 * A second local test network with X's counting rules (twitter-text v3 weighting, 280), sharing the
 * sink's store: tests and browser journeys can use two networks that count the same text differently.
 */
export const sinkShortCapabilities: ChannelCapabilities = {
  ...sinkCapabilities,
  network: 'sink-x',
  displayName: 'Local sink, X rules (tests)',
  text: [{ unit: 'twitterWeighted', max: 280 }],
};

export const sinkShortConnector: Connector = { ...sinkConnector, capabilities: sinkShortCapabilities };

/** A third one that signs in with OAuth 2 + PKCE against a server the test runs (see ./oauth.ts). */
export const sinkOAuthConnector: Connector = { ...sinkConnector, ...sinkOAuthMethods(), capabilities: sinkOAuthCapabilities(sinkCapabilities) };

function accountOf(ctx: ConnectorContext): string {
  const account = ctx.auth.account;
  if (!account) throw new PublishError('auth_expired', 'This sink channel has no account; reconnect it.');
  return account;
}
