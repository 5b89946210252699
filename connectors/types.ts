/**
 * The one interface every network connector implements (capability C1). Generic code never names a
 * network: limits and capabilities are data (`ChannelCapabilities`), behaviour is these methods.
 * Connectors import only shared/; they never touch the database or the server.
 */

import type { TextRule } from '../shared/text';
import type { HostServices } from './host';

// What the server offers connectors of places it hosts (the brand's community): see host.ts.
export type { CommunityHost, HostCommunityPost, HostCommunityWrite, HostServices } from './host';

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

/** How a user connects an account: what `connect` (or the OAuth flow) expects. */
export type AuthMethod = 'app_password' | 'oauth2' | 'oauth2_pkce' | 'access_token' | 'bot_token' | 'webhook_url' | 'hosted';

/** What a connector can do beyond publishing, as data (each true flag has its method on `Connector`). */
export interface ChannelFeatures {
  /** Comments and replies under our posts (`pullInbound`). */
  readComments: boolean;
  /** Mentions of the account elsewhere (`pullInbound`). */
  readMentions: boolean;
  /** Direct messages (`pullInbound`). */
  readMessages: boolean;
  /** Answer a comment, mention or message as the account (`reply`). */
  reply: boolean;
  /** Hide a comment under our post (`hideComment`). */
  hideComments: boolean;
  /** Delete a comment under our post (`deleteComment`). */
  deleteComments: boolean;
  /** Per-post counters (`fetchMetrics`). */
  postMetrics: boolean;
  /** Per-channel counters such as followers (`fetchChannelMetrics`). */
  followerCounts: boolean;
  /** The network pushes events to us (`verifyWebhook` + `parseWebhook`). */
  webhooks: boolean;
}

/** OAuth 2 endpoints and scopes of a network; the server runs the flow (state, PKCE, callback route). */
export interface OAuthSpec {
  authorizeUrl: string;
  tokenUrl: string;
  scopes: string[];
  pkce: boolean;
  /** Extra query parameters the authorize URL needs (e.g. `duration=permanent`). */
  extraAuthorizeParams?: Record<string, string>;
  /** The authorize URL's name for the client id (default `client_id`; TikTok: `client_key`). */
  clientIdParam?: string;
  /** How scopes are joined in the authorize URL (default a space; TikTok: a comma). */
  scopeSeparator?: string;
  /** How the PKCE S256 challenge is encoded (default base64url, RFC 7636; TikTok documents hex). */
  pkceChallengeEncoding?: 'base64url' | 'hex';
  /**
   * The app is registered on each server the first time someone connects there (Mastodon's
   * POST /api/v1/apps, with `registerOAuthApp`) and kept per server: the operator configures nothing.
   * Such a network may also connect with typed credentials (its `auth` is then not an OAuth method,
   * and the sign-in is offered beside them).
   */
  dynamicRegistration?: boolean;
}

export interface ChannelCapabilities {
  network: string;
  displayName: string;
  auth: AuthMethod;
  /** Present for `oauth2`/`oauth2_pkce`. Endpoints are defaults; an instance-based network takes its base from the connect form. */
  oauth?: OAuthSpec;
  features: ChannelFeatures;
  text: TextRule[];
  media: MediaRules;
  threads: boolean;
  firstComment: boolean;
  /** The network can hold a post and publish it later by itself. */
  nativeScheduling: boolean;
  /**
   * How far ahead the network takes a post to publish by itself, when the publisher may hand posts
   * over early (the connector then has `confirmScheduled`). A post published at least `minLeadSeconds`
   * ahead comes back as a ref with `meta.scheduled = 'true'`.
   */
  nativeSchedulingWindow?: { minLeadSeconds: number; maxLeadSeconds: number };
  quotas: QuotaRule[];
  options?: NetworkOption[];
  /** More hashtags than this and the network penalises or refuses the post (a composer warning). */
  maxHashtags?: number;
  /** The network takes no post without an image or a video (Instagram, YouTube, TikTok, Pinterest). */
  mediaRequired?: boolean;
  /** False when the network's API cannot delete a published post (`delete` then refuses, saying so). */
  canDelete?: boolean;
  /** What a user types to connect an account; `connect` (or, for OAuth networks, `completeOAuth`) receives them by key. */
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
  /** Seconds, for videos (networks that check duration before upload). */
  durationSeconds?: number;
  /**
   * A signed, time-limited URL where the network can fetch the file itself (networks that pull media
   * instead of taking an upload, e.g. Instagram, Threads, Pinterest). Present when the server has a
   * public address; a connector that needs it fails `rejected` with an explanation when it is absent.
   */
  publicUrl?: string;
}

/** A post (or one part of a thread) as published on the network. */
export interface RemoteRef {
  /** The network's id for the post (for Bluesky, the at:// URI). */
  id: string;
  url?: string;
  /**
   * Extra references the network needs to reply to it (for Bluesky, the CID). `scheduled: 'true'`
   * marks a post the network holds to publish by itself at the scheduled time (native scheduling).
   */
  meta?: Record<string, string>;
}

/** What became of a post handed over to the network's own scheduler, read after its time. */
export type ScheduledOutcome =
  | { state: 'scheduled' }
  | { state: 'published'; ref: RemoteRef }
  /** The network no longer holds it and its fate cannot be learnt without risking a second post. */
  | { state: 'unknown'; reason: string }
  | { state: 'failed'; reason: string };

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
  /** What the Tandem server itself offers to connectors of places it hosts (the brand's community); absent in other contexts. */
  host?: HostServices;
  /**
   * The team member the call is made for, where the place shows people under their own name (a
   * community staff post): the post's author when publishing, the person answering from the inbox.
   */
  actor?: { userId: string };
  /** Where the network's API answers; absent means the network's public address. Tests point it at recorded responses. */
  baseUrl?: string;
  /** The operator's OAuth app for this network (from configuration), for token refresh; never stored per channel. */
  oauthClient?: { clientId: string; clientSecret: string };
  /** Called when the connector refreshed tokens, so the server can store the new ones. */
  onAuthRefreshed(auth: ChannelAuth): Promise<void>;
}

/** An account's own limits where they differ from the network's manifest (e.g. a Mastodon instance's). */
export interface ChannelLimits {
  text?: TextRule[];
  media?: Partial<MediaRules>;
}

export interface ConnectedAccount {
  auth: ChannelAuth;
  account: { id: string; handle: string; displayName?: string };
  /** Limits read from the account's server at connect time, stored with the channel. */
  limits?: ChannelLimits;
}

export interface Connector {
  capabilities: ChannelCapabilities;
  /**
   * Sign in with what the user typed (handle + app password, instance + token…); returns the auth to
   * store. Connectors of hosted places (`auth: 'hosted'`) look what was chosen up through `env.host`.
   */
  connect(input: Record<string, string>, env?: { host?: HostServices }): Promise<ConnectedAccount>;
  publish(ctx: ConnectorContext, input: PublishInput): Promise<RemoteRef>;
  /** Reconciliation after an unknown outcome: the post published under this key, or null. */
  findPublished(ctx: ConnectorContext, idempotencyKey: string, scheduledAt: Date): Promise<RemoteRef | null>;
  /** Deletes a published post, or withdraws one the network holds for later (a scheduled ref). */
  delete(ctx: ConnectorContext, ref: RemoteRef): Promise<void>;
  /**
   * After the time of a post handed over to the network's scheduler (a ref with `meta.scheduled`):
   * whether the network published it (and as what), still holds it, or lost it. Never posts twice.
   * Declared with `capabilities.nativeSchedulingWindow`.
   */
  confirmScheduled?(ctx: ConnectorContext, ref: RemoteRef, input: { text: string; idempotencyKey: string; scheduledAt: Date }): Promise<ScheduledOutcome>;
  /**
   * Optional: the current engagement counts of published posts (the first part of each), for
   * analytics and best-time suggestions. Posts the network no longer has are left out of the answer.
   */
  fetchMetrics?(ctx: ConnectorContext, refs: RemoteRef[]): Promise<PostMetrics[]>;
  /** Counters of the account itself (followers…), now. */
  fetchChannelMetrics?(ctx: ConnectorContext): Promise<ChannelMetrics>;
  /**
   * New comments, replies, mentions, quotes and messages since `cursor` (absent: the recent ones).
   * Items carry the network's id, so pulling the same item twice is harmless.
   */
  pullInbound?(ctx: ConnectorContext, opts: { cursor?: string; ourPosts?: RemoteRef[] }): Promise<{ items: InboundItem[]; cursor?: string }>;
  /** Answer an inbound item as the account. */
  reply?(ctx: ConnectorContext, to: InboundRef, input: { text: string; idempotencyKey: string }): Promise<RemoteRef>;
  /** Hide a comment under one of our posts (it stays on the network but readers no longer see it by default). */
  hideComment?(ctx: ConnectorContext, item: InboundRef): Promise<void>;
  /** Remove a comment under one of our posts. */
  deleteComment?(ctx: ConnectorContext, item: InboundRef): Promise<void>;
  /** Registers Tandem as an OAuth app on one server (`oauth.dynamicRegistration`); the server keeps the answer per server. */
  registerOAuthApp?(input: { baseUrl: string; redirectUri: string; scopes: string[]; clientName: string; website?: string }): Promise<{ clientId: string; clientSecret: string }>;
  /** Exchange an OAuth authorization code for auth (the server built the authorize URL from `capabilities.oauth`). */
  completeOAuth?(input: OAuthCompletion): Promise<ConnectedAccount>;
  /** New tokens before the current ones expire (`auth.expiresAt`, ISO 8601); a refused refresh is `auth_expired`. */
  refreshAuth?(ctx: ConnectorContext): Promise<ChannelAuth>;
  /** Whether a pushed request really comes from the network (signature over the raw body). */
  verifyWebhook?(req: WebhookRequest, secret: string): boolean;
  /** The inbound items a verified pushed request carries. */
  parseWebhook?(req: WebhookRequest): InboundItem[];
  /**
   * Networks that confirm a subscription with a GET handshake (Meta's `hub.challenge`): the text to
   * answer when the request proves it knows the secret, or null to refuse.
   */
  answerWebhookChallenge?(query: Record<string, string | undefined>, secret: string): string | null;
}

export interface OAuthCompletion {
  code: string;
  redirectUri: string;
  clientId: string;
  clientSecret: string;
  /** PKCE verifier, when the spec asks for PKCE. */
  codeVerifier?: string;
  /** Overrides the spec's token URL (instance-based networks). */
  baseUrl?: string;
  /** What the user typed in the connect form besides the OAuth grant (a subreddit, a board, a page…). */
  fields?: Record<string, string>;
}

export interface WebhookRequest {
  headers: Record<string, string | undefined>;
  rawBody: Buffer;
  query: Record<string, string | undefined>;
}

/** What the publisher needs to answer or moderate an inbound item. */
export interface InboundRef extends RemoteRef {
  kind: InboundKind;
  /** Our post the item sits under, when there is one. */
  root?: RemoteRef;
  /** The conversation or chat id, for messages. */
  conversationId?: string;
}

export type InboundKind = 'comment' | 'reply' | 'mention' | 'quote' | 'message';

/** A comment, reply, mention, quote or direct message, normalized across networks. */
export interface InboundItem {
  /** The network's id of the item: the idempotency key of inbound storage. */
  networkId: string;
  kind: InboundKind;
  author: { id: string; handle: string; displayName?: string; avatarUrl?: string; url?: string };
  text: string;
  /** BCP 47 language tag, when the network gives one. */
  language?: string;
  /** What it answers: a post or another item (network id). */
  parentId?: string;
  /** Our post it sits under, when there is one (network id). */
  rootId?: string;
  conversationId?: string;
  url?: string;
  createdAt: Date;
  /** Extra references needed to reply or moderate (e.g. Bluesky's CID). */
  meta?: Record<string, string>;
}

/** Counters of an account, as the network reports them now. */
export interface ChannelMetrics {
  followers: number;
  following?: number;
  posts?: number;
  /** Every counter under the network's own name. */
  raw: Record<string, number>;
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
  reach?: number;
  saves?: number;
  clicks?: number;
  videoViews?: number;
  /** Every counter under the network's own name (kept as-is in the time series). */
  raw?: Record<string, number>;
}

