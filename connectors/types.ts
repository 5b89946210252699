/**
 * The one interface every network connector implements (capability C1). Generic code never names a
 * network: limits and capabilities are data (`ChannelCapabilities`), behaviour is these methods.
 * Connectors import only shared/; they never touch the database or the server.
 */

import type { TextRule } from '../shared/text';

// Counting rules are defined once, beside the counter that applies them (shared/text runs in the browser too).
export type { TextRule, TextUnit } from '../shared/text';

export interface MediaRules {
  maxItems: number;
  imageTypes: string[];
  imageMaxBytes: number;
  videoTypes: string[];
  videoMaxBytes: number;
  /** Longest video the network takes, in seconds; absent means no documented limit. */
  videoMaxDurationSeconds?: number;
  altTextRequired: boolean;
  altTextMax?: number;
  /** Allowed width ÷ height, inclusive. */
  aspectRatio?: { min: number; max: number };
}

export interface QuotaRule {
  /** Rolling window length in seconds. */
  windowSeconds: number;
  /** Points available in the window; an action costs `cost` points. */
  limit: number;
  cost: number;
  action: 'create' | 'delete';
}

/** A per-post option the network offers (shown in the composer, validated on save, applied by the connector). */
export type NetworkOption = { key: string; kind: 'boolean'; default: boolean } | { key: string; kind: 'select'; choices: string[]; default: string };

export interface ChannelCapabilities {
  network: string;
  displayName: string;
  text: TextRule[];
  media: MediaRules;
  threads: boolean;
  firstComment: boolean;
  /** The network can hold a post and publish it later by itself. */
  nativeScheduling: boolean;
  quotas: QuotaRule[];
  options?: NetworkOption[];
  /** More hashtags than this and the network penalises or refuses the post (a composer warning). */
  maxHashtags?: number;
  /** What a user types to connect an account; `connect` receives them by key. */
  connectFields: { key: string; kind: 'text' | 'password' | 'url'; required: boolean }[];
}

/** Account credentials and session state, sealed at rest by the server; opaque to generic code. */
export type ChannelAuth = Record<string, string>;

export interface MediaInput {
  bytes: Uint8Array;
  mimeType: string;
  altText: string;
  width?: number;
  height?: number;
}

/** A post (or one part of a thread) as published on the network. */
export interface RemoteRef {
  /** The network's id for the post (for Bluesky, the at:// URI). */
  id: string;
  url?: string;
  /** Extra references the network needs to reply to it (for Bluesky, the CID). */
  meta?: Record<string, string>;
}

export interface PublishInput {
  text: string;
  media: MediaInput[];
  /** Reply target: the previous part of a thread (and the thread's root). */
  replyTo?: { parent: RemoteRef; root: RemoteRef };
  /**
   * Stable per post part and channel. A connector must make a second publish with the same key
   * either return the first post or fail as `already_published`, never post twice, where the
   * network allows it; and `findPublished` must find the post by it.
   */
  idempotencyKey: string;
  /** When the post was meant to go out (some networks record it). */
  scheduledAt: Date;
  /** The post's chosen network options (keys the connector declared). */
  options?: Record<string, string | boolean>;
  /** A card for the first link, where the network shows one. */
  linkCard?: { url: string; title: string; description: string; thumb?: MediaInput };
}

export type PublishErrorKind = 'auth_expired' | 'rate_limited' | 'rejected' | 'transient';

/** Every failure a connector reports is classified, so the publisher knows whether and when to retry. */
export class PublishError extends Error {
  constructor(
    readonly kind: PublishErrorKind,
    message: string,
    readonly opts: { retryAfter?: Date; networkCode?: string } = {},
  ) {
    super(message);
    this.name = 'PublishError';
  }
}

export interface ConnectorContext {
  auth: ChannelAuth;
  /** Called when the connector refreshed tokens, so the server can store the new ones. */
  onAuthRefreshed(auth: ChannelAuth): Promise<void>;
}

export interface Connector {
  capabilities: ChannelCapabilities;
  /** Sign in with what the user typed (handle + app password, OAuth code…); returns the auth to store. */
  connect(input: Record<string, string>): Promise<{ auth: ChannelAuth; account: { id: string; handle: string; displayName?: string } }>;
  publish(ctx: ConnectorContext, input: PublishInput): Promise<RemoteRef>;
  /** Reconciliation after an unknown outcome: the post published under this key, or null. */
  findPublished(ctx: ConnectorContext, idempotencyKey: string, scheduledAt: Date): Promise<RemoteRef | null>;
  delete(ctx: ConnectorContext, ref: RemoteRef): Promise<void>;
  /**
   * Optional: the current engagement counts of published posts (the first part of each), for
   * analytics and best-time suggestions. Posts the network no longer has are left out of the answer.
   */
  fetchMetrics?(ctx: ConnectorContext, refs: RemoteRef[]): Promise<PostMetrics[]>;
}

/** Engagement counters of one published post, as the network reports them now. */
export interface PostMetrics {
  /** The `RemoteRef.id` asked for. */
  id: string;
  likes: number;
  reposts: number;
  replies: number;
  quotes: number;
  /** Views, where the network reports them. */
  impressions?: number;
}
