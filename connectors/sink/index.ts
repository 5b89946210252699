import { PublishError, type ChannelCapabilities, type Connector, type ConnectorContext, type PublishErrorKind, type PublishInput, type RemoteRef } from '../types';

/**
 * A real connector to a local, in-process "network": tests and benchmarks publish into it and count
 * what arrived. It honours idempotency keys like a well-behaved network, and can be told to fail in
 * each of the ways the publisher must survive.
 */
export interface SinkPost {
  ref: RemoteRef;
  account: string;
  text: string;
  media: { mimeType: string; bytes: number; altText: string }[];
  options: Record<string, string | boolean>;
  linkCard?: string;
  replyTo?: string;
  idempotencyKey: string;
  publishedAt: Date;
  scheduledAt: Date;
}

type Fault = { kind: PublishErrorKind; message: string; retryAfter?: Date } | { kind: 'crash_after_accept' } | { kind: 'crash_before_accept' };

class SinkStore {
  /** In publish order; a second publish with a known key returns the first post. */
  readonly posts: SinkPost[] = [];
  private byKey = new Map<string, SinkPost>();
  private faults: Fault[] = [];
  private delays: number[] = [];
  private seq = 0;
  /** Every publish call, including refused and repeated ones. */
  calls = 0;

  /** The next `times` publish calls fail this way, then the sink behaves again. */
  failNext(times: number, fault: Fault) {
    for (let i = 0; i < times; i++) this.faults.push(fault);
  }

  /** The next publish call takes `ms` before it reaches the network (a slow network or connection). */
  delayNext(ms: number) {
    this.delays.push(ms);
  }

  /** The delay of this call, if one was asked for. */
  takeDelay(): number {
    return this.delays.shift() ?? 0;
  }

  reset() {
    this.posts.length = 0;
    this.byKey.clear();
    this.faults = [];
    this.delays = [];
    this.calls = 0;
  }

  forAccount(account: string) {
    return this.posts.filter((p) => p.account === account);
  }

  publish(account: string, input: PublishInput): RemoteRef {
    this.calls++;
    const fault = this.faults.shift();
    // The request never reached the network, but the caller cannot know that.
    if (fault?.kind === 'crash_before_accept') throw new Error('sink: connection lost before the post was accepted');
    if (fault && fault.kind !== 'crash_after_accept') throw new PublishError(fault.kind, fault.message, { retryAfter: fault.retryAfter });
    const existing = this.byKey.get(input.idempotencyKey);
    const post = existing ?? this.accept(account, input);
    // The network took the post, but the answer never reaches the caller (a dropped connection, a killed worker).
    if (fault?.kind === 'crash_after_accept') throw new Error('sink: connection lost after the post was accepted');
    return post.ref;
  }

  find(idempotencyKey: string): RemoteRef | null {
    return this.byKey.get(idempotencyKey)?.ref ?? null;
  }

  private accept(account: string, input: PublishInput): SinkPost {
    const id = `sink://${account}/${++this.seq}`;
    const post: SinkPost = { ref: { id, url: `https://sink.invalid/${account}/${this.seq}` }, account, text: input.text, media: input.media.map((m) => ({ mimeType: m.mimeType, bytes: m.bytes.byteLength, altText: m.altText })), options: input.options ?? {}, linkCard: input.linkCard?.url, replyTo: input.replyTo?.parent.id, idempotencyKey: input.idempotencyKey, publishedAt: new Date(), scheduledAt: input.scheduledAt };
    this.posts.push(post);
    this.byKey.set(input.idempotencyKey, post);
    return post;
  }
}

/** The one sink of this process. */
export const sinkStore = new SinkStore();

export const sinkCapabilities: ChannelCapabilities = {
  network: 'sink',
  displayName: 'Local sink (tests)',
  auth: 'access_token',
  features: {
    readComments: false,
    readMentions: false,
    readMessages: false,
    reply: false,
    hideComments: false,
    deleteComments: false,
    postMetrics: false,
    followerCounts: false,
    webhooks: false,
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
    return { auth: { account }, account: { id: `sink:${account}`, handle: account, displayName: account } };
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

function accountOf(ctx: ConnectorContext): string {
  const account = ctx.auth.account;
  if (!account) throw new PublishError('auth_expired', 'This sink channel has no account; reconnect it.');
  return account;
}
