import { PublishError, type ChannelLimits, type InboundItem, type InboundRef, type PostMetrics, type PublishErrorKind, type PublishInput, type RemoteRef } from '../types';

/**
 * The state of the local, in-process "network" behind the sink connectors: what was published, what
 * people said to the accounts (inbound), what was moderated, counters, and per-account limits. Tests
 * and benchmarks act on it as the network's other users would, and can make each kind of call fail
 * in each of the ways the server must survive.
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

export type SinkFault = { kind: PublishErrorKind; message: string; retryAfter?: Date } | { kind: 'crash_after_accept' } | { kind: 'crash_before_accept' };

/** The kinds of call a fault can be queued for (publishing by default). */
export type SinkOp = 'publish' | 'inbound' | 'reply' | 'moderate' | 'metrics';

/** What a test says arrived: the sink fills in the network's id, author and time when absent. */
export type SinkInboundInput = Partial<Omit<InboundItem, 'author'>> & { text: string; author?: Partial<InboundItem['author']> };

class SinkStore {
  /** In publish order; a second publish with a known key returns the first post. */
  readonly posts: SinkPost[] = [];
  /** Comments, replies, mentions and messages to the accounts, in arrival order (`seq` is the pull cursor). */
  readonly inbound: { seq: number; account: string; item: InboundItem }[] = [];
  /** Network id of an inbound item → what the account did to it. */
  readonly moderated = new Map<string, 'hidden' | 'deleted'>();
  private byKey = new Map<string, SinkPost>();
  private faults = new Map<SinkOp, { fault: SinkFault; account?: string }[]>();
  private delays: number[] = [];
  private metrics = new Map<string, Omit<PostMetrics, 'id'>>();
  private followers = new Map<string, number>();
  private limits = new Map<string, ChannelLimits>();
  private seq = 0;
  private inboundSeq = 0;
  /** Every publish call, including refused and repeated ones. */
  calls = 0;

  /**
   * The next `times` calls of this kind (for this account only, when one is named: background jobs
   * may call the sink for other accounts meanwhile) fail this way, then the sink behaves again.
   */
  failNext(times: number, fault: SinkFault, op: SinkOp = 'publish', account?: string) {
    const queue = this.faults.get(op) ?? [];
    for (let i = 0; i < times; i++) queue.push({ fault, account });
    this.faults.set(op, queue);
  }

  private takeFault(op: SinkOp, account: string): SinkFault | undefined {
    const queue = this.faults.get(op);
    const i = queue?.findIndex((f) => !f.account || f.account === account) ?? -1;
    return i >= 0 ? queue!.splice(i, 1)[0]!.fault : undefined;
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
    this.inbound.length = 0;
    this.moderated.clear();
    this.byKey.clear();
    this.faults.clear();
    this.delays = [];
    this.metrics.clear();
    this.followers.clear();
    this.limits.clear();
    this.calls = 0;
  }

  forAccount(account: string) {
    return this.posts.filter((p) => p.account === account);
  }

  publish(account: string, input: PublishInput): RemoteRef {
    this.calls++;
    const fault = this.takeFault('publish', account);
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

  /** Fails the call when a fault is queued for this kind of call (and this account). */
  check(op: Exclude<SinkOp, 'publish'>, account: string) {
    const fault = this.takeFault(op, account);
    if (!fault) return;
    if (fault.kind === 'crash_after_accept' || fault.kind === 'crash_before_accept') throw new Error(`sink: connection lost during ${op}`);
    throw new PublishError(fault.kind, fault.message, { retryAfter: fault.retryAfter });
  }

  /** Someone on the network writes to `account`; returns the item as a pull will report it. */
  addInbound(account: string, input: SinkInboundInput): InboundItem {
    const seq = ++this.inboundSeq;
    const { author, ...rest } = input;
    const item: InboundItem = {
      kind: 'comment',
      networkId: `sink-in://${account}/${seq}`,
      createdAt: new Date(),
      url: `https://sink.invalid/${account}/in/${seq}`,
      ...rest,
      author: { id: `sink:reader-${seq}`, handle: `reader${seq}`, ...author },
    };
    this.inbound.push({ seq, account, item });
    return item;
  }

  /** Items to `account` after the cursor (the last `seq` seen), oldest first, and the new cursor. */
  pull(account: string, cursor?: string): { items: InboundItem[]; cursor?: string } {
    const after = cursor ? Number(cursor) : 0;
    this.check('inbound', account);
    // A deleted comment is gone from the network; a hidden one is still there.
    const mine = this.inbound.filter((e) => e.account === account && e.seq > after && this.moderated.get(e.item.networkId) !== 'deleted');
    const last = mine.at(-1)?.seq;
    return { items: mine.map((e) => e.item), cursor: last ? String(last) : cursor };
  }

  /** The account answers an item: a reply post on the network (idempotent by key like any publish). */
  reply(account: string, to: InboundRef, input: { text: string; idempotencyKey: string }): RemoteRef {
    this.check('reply', account);
    if (!this.inbound.some((e) => e.item.networkId === to.id)) throw new PublishError('rejected', `The sink has no item ${to.id} to answer.`);
    const existing = this.byKey.get(input.idempotencyKey);
    return (existing ?? this.accept(account, { text: input.text, media: [], idempotencyKey: input.idempotencyKey, scheduledAt: new Date(), replyTo: { parent: { id: to.id }, root: to.root ?? { id: to.id } } })).ref;
  }

  moderate(account: string, item: InboundRef, action: 'hidden' | 'deleted') {
    this.check('moderate', account);
    const found = this.inbound.find((e) => e.item.networkId === item.id && e.account === account);
    if (!found) throw new PublishError('rejected', `The sink has no comment ${item.id} under this account's posts.`);
    this.moderated.set(item.id, action);
  }

  /** Counters the network reports for a post from now on (the sink reports only posts given some). */
  setMetrics(refId: string, m: Omit<PostMetrics, 'id'>) {
    this.metrics.set(refId, m);
  }

  metricsOf(account: string, refs: RemoteRef[]): PostMetrics[] {
    this.check('metrics', account);
    return refs.flatMap((r) => {
      const m = this.metrics.get(r.id);
      return m ? [{ id: r.id, ...m }] : [];
    });
  }

  setFollowers(account: string, n: number) {
    this.followers.set(account, n);
  }

  followersOf(account: string): number {
    this.check('metrics', account);
    return this.followers.get(account) ?? 0;
  }

  /** The account's own limits, as its server reports them at connect time (like a Mastodon instance). */
  setLimits(account: string, limits: ChannelLimits) {
    this.limits.set(account, limits);
  }

  limitsOf(account: string): ChannelLimits | undefined {
    return this.limits.get(account);
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
