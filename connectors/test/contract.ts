import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublishError, type ChannelAuth, type Connector, type ConnectorContext, type InboundItem, type InboundRef, type MediaInput, type PublishErrorKind, type RemoteRef } from '../types';
import { FixtureServer, readRecording, type Recording } from './fixtureServer';
import { manifestProblems } from '../manifest';

/**
 * The scenarios every connector passes (issue 4, "contract test suite shared by all connectors").
 * A scenario runs when the connector's manifest says it can do it; a harness supplies the network:
 * recorded responses on a loopback server (`fixtureHarness`) or a live local network.
 */
export type Scenario =
  | 'connect'
  | 'oauth'
  | 'refresh_auth'
  | 'publish_text'
  | 'publish_image'
  | 'publish_video'
  | 'publish_thread'
  | 'delete'
  | 'confirm_scheduled'
  | 'error_auth_expired'
  | 'error_rate_limited'
  | 'error_rejected'
  | 'error_transient'
  | 'pull_inbound'
  | 'reply'
  | 'hide_comment'
  | 'delete_comment'
  | 'post_metrics'
  | 'channel_metrics'
  | 'webhook';

export interface ScenarioEnv {
  ctx: ConnectorContext;
  recording?: Recording;
  /** Fails the test if the connector sent something the network did not expect. */
  finish(): void;
  /** Raw request bodies the network received (fixture harness only). */
  sent?(): string[];
}

export interface ContractHarness {
  connector: Connector;
  /** The network for one scenario, or why this harness cannot produce it. */
  prepare(scenario: Scenario): Promise<ScenarioEnv | { skip: string }>;
  close?(): Promise<void>;
}

/** What each scenario needs the connector to declare. */
function supported(c: Connector, s: Scenario): boolean {
  const cap = c.capabilities;
  const f = cap.features;
  switch (s) {
    case 'connect':
      return cap.auth !== 'oauth2' && cap.auth !== 'oauth2_pkce';
    case 'oauth':
      return Boolean(cap.oauth);
    case 'refresh_auth':
      return Boolean(c.refreshAuth);
    case 'publish_text':
      return !cap.mediaRequired;
    case 'delete':
      return cap.canDelete !== false;
    case 'confirm_scheduled':
      return Boolean(cap.nativeSchedulingWindow);
    case 'publish_image':
      return cap.media.imageTypes.length > 0;
    case 'publish_video':
      return cap.media.videoTypes.length > 0;
    case 'publish_thread':
      return cap.threads;
    case 'pull_inbound':
      return f.readComments || f.readMentions || f.readMessages;
    case 'reply':
      return f.reply;
    case 'hide_comment':
      return f.hideComments;
    case 'delete_comment':
      return f.deleteComments;
    case 'post_metrics':
      return f.postMetrics;
    case 'channel_metrics':
      return f.followerCounts;
    case 'webhook':
      return f.webhooks;
    default:
      return true;
  }
}

/** Each feature flag promises its method; each method needs its flag (manifest and code agree). */
const FEATURE_METHODS: [keyof Connector['capabilities']['features'], keyof Connector][] = [
  ['reply', 'reply'],
  ['hideComments', 'hideComment'],
  ['deleteComments', 'deleteComment'],
  ['postMetrics', 'fetchMetrics'],
  ['followerCounts', 'fetchChannelMetrics'],
  ['webhooks', 'verifyWebhook'],
  ['webhooks', 'parseWebhook'],
];

const PNG_1x1 = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
const image: MediaInput = { bytes: PNG_1x1, mimeType: 'image/png', altText: 'A single pixel of Caffè Aurora orange', width: 1, height: 1, publicUrl: 'https://media.tandem.example/m/pixel.png?sig=contract' };
const MP4_BYTES = Uint8Array.from(Buffer.from('AAAAIGZ0eXBpc29tAAACAGlzb21pc28yYXZjMW1wNDE=', 'base64'));
const video: MediaInput = { bytes: MP4_BYTES, mimeType: 'video/mp4', altText: 'A short clip of the espresso bar', width: 1280, height: 720, durationSeconds: 5, publicUrl: 'https://media.tandem.example/m/clip.mp4?sig=contract' };
const TEXT = 'Caffè Aurora opens its autumn roastery tour on Saturday ☕ #coffee';
const scheduledAt = new Date('2026-11-23T09:00:00Z');

export function connectorContract(harness: ContractHarness) {
  const c = harness.connector;
  const name = c.capabilities.displayName;

  describe(`${name} — connector contract`, () => {
    afterAll(async () => harness.close?.());

    it('declares a valid manifest whose features match its methods', () => {
      expect(manifestProblems(c.capabilities)).toEqual([]);
      for (const [flag, method] of FEATURE_METHODS) {
        expect(Boolean(c[method]), `${String(method)} ⇔ features.${flag}`).toBe(c.capabilities.features[flag]);
      }
      const readsInbound = c.capabilities.features.readComments || c.capabilities.features.readMentions || c.capabilities.features.readMessages;
      expect(Boolean(c.pullInbound), 'pullInbound ⇔ read comments/mentions/messages').toBe(readsInbound);
      expect(Boolean(c.completeOAuth), 'completeOAuth ⇔ manifest.oauth').toBe(Boolean(c.capabilities.oauth));
      expect(Boolean(c.registerOAuthApp), 'registerOAuthApp ⇔ manifest.oauth.dynamicRegistration').toBe(Boolean(c.capabilities.oauth?.dynamicRegistration));
      expect(Boolean(c.confirmScheduled), 'confirmScheduled ⇔ manifest.nativeSchedulingWindow').toBe(Boolean(c.capabilities.nativeSchedulingWindow));
    });

    const scenario = (s: Scenario, run: (env: ScenarioEnv) => Promise<void>) =>
      it.skipIf(!supported(c, s))(s.replaceAll('_', ' '), async (t) => {
        const env = await harness.prepare(s);
        if ('skip' in env) {
          t.skip(env.skip);
          return;
        }
        await run(env);
        env.finish();
      });

    scenario('connect', async (env) => {
      const input = (env.recording?.input ?? {}) as Record<string, string>;
      // Connectors of hosted places (the brand's community) look the choice up through the server's services.
      const { auth, account } = await c.connect(input, env.ctx.host ? { host: env.ctx.host } : undefined);
      expect(account.id).toBeTruthy();
      expect(account.handle).toBeTruthy();
      expect(Object.keys(auth).length).toBeGreaterThan(0);
    });

    scenario('oauth', async (env) => {
      const input = env.recording?.input as { code: string; codeVerifier?: string; fields?: Record<string, string> } | undefined;
      const { auth, account } = await c.completeOAuth!({
        code: input?.code ?? 'recorded-code',
        codeVerifier: input?.codeVerifier,
        fields: input?.fields,
        redirectUri: 'http://127.0.0.1/api/oauth/callback',
        clientId: 'tandem-client',
        clientSecret: 'tandem-secret',
        baseUrl: env.ctx.baseUrl,
      });
      expect(account.id).toBeTruthy();
      expect(Object.keys(auth).length).toBeGreaterThan(0);
    });

    scenario('refresh_auth', async (env) => {
      const fresh: ChannelAuth = await c.refreshAuth!(env.ctx);
      expect(fresh).not.toEqual(env.ctx.auth);
    });

    scenario('publish_text', async (env) => {
      const ref = await c.publish(env.ctx, { text: TEXT, media: [], idempotencyKey: 'contract-text-1', scheduledAt });
      expectRef(ref);
      if (env.sent) expect(env.sent().some((b) => b.includes('autumn roastery')), 'the text reached the network').toBe(true);
    });

    scenario('publish_image', async (env) => {
      const ref = await c.publish(env.ctx, { text: TEXT, media: [image], idempotencyKey: 'contract-image-1', scheduledAt });
      expectRef(ref);
    });

    scenario('publish_video', async (env) => {
      const ref = await c.publish(env.ctx, { text: TEXT, media: [video], idempotencyKey: 'contract-video-1', scheduledAt });
      expectRef(ref);
    });

    scenario('publish_thread', async (env) => {
      const root = await c.publish(env.ctx, { text: `${TEXT} 1/2`, media: [], idempotencyKey: 'contract-thread-1', scheduledAt });
      const second = await c.publish(env.ctx, { text: 'Tickets at the counter. 2/2', media: [], idempotencyKey: 'contract-thread-2', scheduledAt, replyTo: { parent: root, root } });
      expectRef(second);
      expect(second.id).not.toBe(root.id);
    });

    scenario('delete', async (env) => {
      const ref = (env.recording?.input?.ref as RemoteRef | undefined) ?? (await c.publish(env.ctx, { text: TEXT, media: [], idempotencyKey: 'contract-delete-1', scheduledAt }));
      await c.delete(env.ctx, ref);
    });

    scenario('confirm_scheduled', async (env) => {
      // A post handed to the network's scheduler, after its time: the network published it, and says as what.
      const input = env.recording?.input as { ref: RemoteRef; minutesAgo?: number } | undefined;
      expect(input?.ref, 'the recording names the scheduled post (input.ref)').toBeTruthy();
      const due = new Date(Date.now() - (input!.minutesAgo ?? 3) * 60_000);
      const out = await c.confirmScheduled!(env.ctx, input!.ref, { text: TEXT, idempotencyKey: 'contract-scheduled-1', scheduledAt: due });
      expect(out.state).toBe('published');
      if (out.state === 'published') {
        expectRef(out.ref);
        expect(out.ref.meta?.scheduled).toBeUndefined();
      }
    });

    const failure = (s: Scenario, kind: PublishErrorKind) =>
      scenario(s, async (env) => {
        // Networks that take no text-only post fail on their first media-carrying call instead.
        const media = c.capabilities.mediaRequired ? [c.capabilities.media.imageTypes.length ? image : video] : [];
        const err = await c.publish(env.ctx, { text: TEXT, media, idempotencyKey: `contract-${s}`, scheduledAt }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(PublishError);
        const pe = err as PublishError;
        expect(pe.kind).toBe(kind);
        if (env.recording?.expectMessage) expect(pe.message).toContain(env.recording.expectMessage);
        if (kind === 'rate_limited') expect(pe.opts.retryAfter?.getTime() ?? 0).toBeGreaterThan(0);
      });
    failure('error_auth_expired', 'auth_expired');
    failure('error_rate_limited', 'rate_limited');
    failure('error_rejected', 'rejected');
    failure('error_transient', 'transient');

    scenario('pull_inbound', async (env) => {
      const opts = (env.recording?.input ?? {}) as { cursor?: string; ourPosts?: RemoteRef[] };
      const { items } = await c.pullInbound!(env.ctx, opts);
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) expectInbound(item);
      expect(new Set(items.map((i) => `${i.kind}:${i.networkId}`)).size).toBe(items.length);
    });

    scenario('reply', async (env) => {
      const to = env.recording?.input?.to as InboundRef;
      expect(to, 'the recording names the item to answer (input.to)').toBeTruthy();
      const ref = await c.reply!(env.ctx, to, { text: 'Thank you! See you on Saturday ☕', idempotencyKey: 'contract-reply-1' });
      expectRef(ref);
    });

    scenario('hide_comment', async (env) => {
      const item = env.recording?.input?.item as InboundRef;
      expect(item, 'the recording names the comment (input.item)').toBeTruthy();
      await c.hideComment!(env.ctx, item);
    });

    scenario('delete_comment', async (env) => {
      const item = env.recording?.input?.item as InboundRef;
      expect(item, 'the recording names the comment (input.item)').toBeTruthy();
      await c.deleteComment!(env.ctx, item);
    });

    scenario('post_metrics', async (env) => {
      const refs = env.recording?.input?.refs as RemoteRef[];
      expect(refs?.length, 'the recording names the posts to measure (input.refs)').toBeGreaterThan(0);
      const metrics = await c.fetchMetrics!(env.ctx, refs);
      expect(metrics.length).toBeGreaterThan(0);
      for (const m of metrics) {
        expect(refs.map((r) => r.id)).toContain(m.id);
        for (const n of [m.likes, m.reposts, m.replies, m.quotes]) expect(Number.isInteger(n) && n >= 0).toBe(true);
        for (const v of Object.values(m.raw ?? {})) expect(Number.isFinite(v)).toBe(true);
      }
    });

    scenario('channel_metrics', async (env) => {
      const m = await c.fetchChannelMetrics!(env.ctx);
      expect(Number.isInteger(m.followers) && m.followers >= 0).toBe(true);
      expect(Object.keys(m.raw).length).toBeGreaterThan(0);
    });

    scenario('webhook', async (env) => {
      const w = env.recording?.webhook;
      expect(w, 'the recording holds a pushed request (webhook)').toBeTruthy();
      const req = { headers: w!.headers, rawBody: Buffer.from(w!.body), query: w!.query ?? {} };
      expect(c.verifyWebhook!(req, w!.secret)).toBe(true);
      expect(c.verifyWebhook!(req, `${w!.secret}-wrong`)).toBe(false);
      const tampered = { ...req, rawBody: Buffer.from(w!.body.replace(/.$/, ' ')) };
      expect(c.verifyWebhook!(tampered, w!.secret)).toBe(false);
      const items = c.parseWebhook!(req);
      for (const item of items) expectInbound(item);
    });
  });
}

function expectRef(ref: RemoteRef) {
  expect(typeof ref.id).toBe('string');
  expect(ref.id.length).toBeGreaterThan(0);
  if (ref.url) expect(() => new URL(ref.url!)).not.toThrow();
}

function expectInbound(item: InboundItem) {
  expect(item.networkId).toBeTruthy();
  expect(['comment', 'reply', 'mention', 'quote', 'message']).toContain(item.kind);
  expect(item.author.id).toBeTruthy();
  expect(item.author.handle).toBeTruthy();
  expect(typeof item.text).toBe('string');
  expect(item.createdAt).toBeInstanceOf(Date);
  expect(Number.isNaN(item.createdAt.getTime())).toBe(false);
  if (item.url) expect(() => new URL(item.url!)).not.toThrow();
}

/**
 * A harness over recorded responses in `dir/<scenario>.json`. A scenario the manifest supports but
 * that has no recording fails: every declared capability is tested.
 */
export function fixtureHarness(connector: Connector, dir: string, defaultAuth: ChannelAuth): ContractHarness {
  const server = new FixtureServer();
  let started: Promise<FixtureServer> | null = null;
  beforeAll(async () => {
    started ??= server.start();
    await started;
  });
  return {
    connector,
    async prepare(scenario) {
      await (started ??= server.start());
      const recording = readRecording(dir, scenario);
      if (!recording) throw new Error(`${connector.capabilities.displayName} declares "${scenario}" but has no recording: add ${dir}/${scenario}.json`);
      server.load(recording);
      // As the server gives it: the operator's OAuth app for networks that renew tokens.
      const oauthClient = connector.capabilities.oauth ? { clientId: 'tandem-client', clientSecret: 'tandem-secret' } : undefined;
      const ctx: ConnectorContext = { auth: { ...defaultAuth, ...recording.auth }, baseUrl: server.url, oauthClient, onAuthRefreshed: async () => {} };
      if (recording.input && typeof recording.input === 'object') substituteBase(recording.input, server.url);
      return {
        ctx,
        recording,
        sent: () => server.received.map((r) => r.body),
        finish: () => {
          expect(server.unexpected().map((r) => `${r.method} ${r.path}`), 'requests with no recorded answer').toEqual([]);
          expect(server.unused().map((e) => `${e.match.method} ${e.match.path}`), 'recorded exchanges never asked for').toEqual([]);
        },
      };
    },
    close: () => server.stop(),
  };
}

/** Recordings write `{{base}}` where the network's own address goes (e.g. a Mastodon instance URL in connect input). */
function substituteBase(o: Record<string, unknown>, base: string) {
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'string') o[k] = v.replaceAll('{{base}}', base);
    else if (v && typeof v === 'object') substituteBase(v as Record<string, unknown>, base);
  }
}
