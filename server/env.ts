import { z } from 'zod';

/**
 * The only reader of process.env. Everything configurable is declared here, validated at start,
 * and reported as one readable list when wrong.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const ROLE_NAMES = ['web', 'worker', 'scheduler'] as const;
export type ProcessRole = (typeof ROLE_NAMES)[number];

const Schema = z.object({
  // 0 picks a free port (tests, benchmarks).
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  TANDEM_ROLES: z
    .string()
    .default('web,worker,scheduler')
    .transform((s) => s.split(',').map((r) => r.trim()).filter(Boolean))
    .pipe(z.array(z.enum(ROLE_NAMES)).min(1, 'name at least one of web, worker, scheduler')),
  PUBLIC_URL: z.url().optional(),
  SECRET_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'must be 64 hex characters (generate one with: openssl rand -hex 32)')
    .optional(),
  SECRET_KEY_PREVIOUS: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'must be 64 hex characters: the key SECRET_KEY replaces, while `tandem rotate-key` re-seals secrets')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().default('Tandem <no-reply@localhost>'),
  SIGNUP_OPEN: bool.default(true),
  DEMO: bool.default(true),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(1024 * 1024),
  TRUST_PROXY: bool.default(false),
  LOGIN_MAX_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  COMMUNITY_PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(2),
  ENABLE_SINK_CONNECTOR: bool.default(false),
  MEDIA_DIR: z.string().min(1).optional(),
  MEDIA_MAX_BYTES: z.coerce.number().int().min(1024).max(20 * 1024 ** 3).default(512 * 1024 * 1024),
  COMMUNITY_IMAGE_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(10 * 1024 * 1024),
  COMMUNITY_IMAGE_UPLOADS_PER_DAY: z.coerce.number().int().min(0).max(10_000).default(20),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: bool.default(false),
  PUBLISH_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(180),
  PUBLISH_JOB_EXPIRE_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  PUBLISH_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(128),
  LINK_PREVIEW_PRIVATE_HOSTS: bool.default(false),
});

/** The variables of the schema above. */
export type EnvVars = z.infer<typeof Schema>;

/**
 * Per-network credentials of this server, named after the network id in upper snake case (sink-x →
 * SINK_X): the OAuth app of a network (`OAUTH_<NETWORK>_CLIENT_ID` / `_CLIENT_SECRET`) and the
 * secret a network signs its webhooks with (`WEBHOOK_<NETWORK>_SECRET`).
 */
export interface NetworkSecrets {
  oauth: Record<string, { clientId?: string; clientSecret?: string }>;
  webhooks: Record<string, string>;
}

export type Env = EnvVars & { networks: NetworkSecrets };

/** Command-line overrides by variable name (per-network variables included). */
export type EnvOverrides = Partial<Record<keyof EnvVars, string>> & Record<string, string | undefined>;

/** SINK_X for the network id sink-x. */
export function networkEnvName(network: string): string {
  return network.toUpperCase().replace(/-/g, '_');
}

const OAUTH_VAR = /^OAUTH_([A-Z][A-Z0-9_]*)_CLIENT_(ID|SECRET)$/;
const WEBHOOK_VAR = /^WEBHOOK_([A-Z][A-Z0-9_]*)_SECRET$/;

function readNetworkSecrets(vars: Record<string, string | undefined>): NetworkSecrets {
  const out: NetworkSecrets = { oauth: {}, webhooks: {} };
  // Network ids are lower-case letters, digits and dashes: the upper snake name maps back one way only.
  const idOf = (name: string) => name.toLowerCase().replace(/_/g, '-');
  for (const [key, raw] of Object.entries(vars)) {
    const value = emptyToUndefined(raw);
    if (!value) continue;
    const o = OAUTH_VAR.exec(key);
    if (o) {
      const client = (out.oauth[idOf(o[1]!)] ??= {});
      if (o[2] === 'ID') client.clientId = value;
      else client.clientSecret = value;
    }
    const w = WEBHOOK_VAR.exec(key);
    if (w) out.webhooks[idOf(w[1]!)] = value;
  }
  return out;
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Tandem cannot start, the configuration has problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Validate the environment (plus command-line overrides, which win). */
export function readEnv(overrides: EnvOverrides = {}, source: NodeJS.ProcessEnv = process.env): Env {
  const raw: Record<string, string | undefined> = {};
  for (const key of Object.keys(Schema.shape)) raw[key] = overrides[key] ?? emptyToUndefined(source[key]);
  const parsed = Schema.safeParse(raw);
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(raw[String(i.path[0])])})`));
  }
  return { ...parsed.data, networks: readNetworkSecrets({ ...source, ...overrides }) };
}

function emptyToUndefined(v: string | undefined) {
  return v === undefined || v.trim() === '' ? undefined : v;
}

/** The environment handed to child processes (pg_dump, pg_restore): a copy of this process's own. */
export function childProcessEnv(): NodeJS.ProcessEnv {
  return { ...process.env };
}

/** Variables the test harness reads (never the product at run time). */
export function testEnv() {
  return {
    ci: process.env.CI === 'true',
    testDatabaseUrl: emptyToUndefined(process.env.TEST_DATABASE_URL),
    dbKind: (process.env.TANDEM_TEST_DB === 'postgres' ? 'postgres' : 'pglite') as 'pglite' | 'postgres',
    sharedDir: emptyToUndefined(process.env.TANDEM_SHARED_DIR),
    chromiumPath: emptyToUndefined(process.env.CHROMIUM_PATH) ?? '/usr/bin/chromium',
  };
}

export const ENV_DOCS: Record<keyof EnvVars, string> = {
  PORT: 'HTTP port (CLI: --port).',
  HOST: 'Interface to listen on; 0.0.0.0 to accept connections from other machines.',
  DATA_DIR: 'Folder for the embedded database, mail outbox and generated secret (CLI: --data-dir).',
  DATABASE_URL: 'postgres://… to run on a PostgreSQL server instead of the embedded database.',
  TANDEM_ROLES: 'Comma list of web, worker, scheduler (CLI: --roles). Default: all three in one process.',
  PUBLIC_URL: 'The address users reach Tandem at, used in emails and to decide on secure cookies. Default http://localhost:PORT.',
  SECRET_KEY: '64 hex characters; encrypts secrets at rest. Embedded mode generates one in DATA_DIR; required with DATABASE_URL.',
  SECRET_KEY_PREVIOUS: 'The key SECRET_KEY replaces, while rotating: secrets sealed with it stay readable until `tandem rotate-key` has sealed them again with SECRET_KEY; then remove it.',
  LOG_LEVEL: 'fatal, error, warn, info, debug, trace or silent.',
  SMTP_URL: 'smtp(s)://user:pass@host:port to send email. Without it, emails go to DATA_DIR/outbox and /dev/outbox.',
  MAIL_FROM: 'Sender of outgoing email.',
  SIGNUP_OPEN: 'Whether anyone may sign up (true/false).',
  DEMO: 'Seed the Caffè Aurora demo workspace on first start of an empty database (true/false).',
  DB_POOL_SIZE: 'PostgreSQL connections per process (server mode).',
  BODY_LIMIT_BYTES: 'Largest request body accepted.',
  TRUST_PROXY: 'true behind a reverse proxy, so client addresses come from X-Forwarded-For (rate limits, audit).',
  LOGIN_MAX_PER_MINUTE: 'Sign-in attempts allowed per minute per IP and per email.',
  COMMUNITY_PAGE_CACHE_SECONDS: 'How long a public community page rendered for anonymous readers is served from memory (default 2; 0 turns the cache off). Members always get a fresh page.',
  ENABLE_SINK_CONNECTOR: 'Offer the local "sink" network, an in-process connector for tests and benchmarks (true/false). Never in production.',
  MEDIA_DIR: 'Folder for uploaded media when no S3 bucket is set. Default DATA_DIR/media.',
  MEDIA_MAX_BYTES: 'Largest media file accepted by an upload, in bytes (default 512 MiB).',
  COMMUNITY_IMAGE_MAX_BYTES: 'Largest image a community member or staff may upload for a post, in bytes (default 10 MiB).',
  COMMUNITY_IMAGE_UPLOADS_PER_DAY: 'Images one community member may upload in 24 hours (default 20; 0 turns member uploads off; staff are not limited).',
  S3_BUCKET: 'Store uploaded media in this S3-compatible bucket instead of MEDIA_DIR.',
  S3_ENDPOINT: 'https://… of an S3-compatible service (MinIO, R2, Ceph…); absent means AWS S3.',
  S3_REGION: 'Region of the bucket (default us-east-1).',
  S3_ACCESS_KEY_ID: 'Access key for the bucket; without it the AWS SDK\'s default credential chain applies.',
  S3_SECRET_ACCESS_KEY: 'Secret key for the bucket (with S3_ACCESS_KEY_ID).',
  S3_FORCE_PATH_STYLE: 'Address the bucket as endpoint/bucket (true for MinIO and most self-hosted services).',
  PUBLISH_LEASE_SECONDS: 'How long a worker holds a post while talking to the network (renewed per thread part). Must exceed the slowest network call; a killed worker\'s post is taken over after it.',
  PUBLISH_JOB_EXPIRE_SECONDS: 'How long a publish job may stay running before the queue gives it to another worker (a killed worker\'s jobs come back after this, plus up to half of it).',
  PUBLISH_CONCURRENCY: 'Posts one worker process publishes at the same time (claims and settlements made together share a transaction; posts with media: 8 at a time; posts on one channel still take their turn for its quota).',
  LINK_PREVIEW_PRIVATE_HOSTS: 'Let link previews, feeds and typed connect addresses (instances, webhooks) reach private and loopback addresses (true/false). Tests only: otherwise a user could make the server probe your internal network.',
};

/** Variables whose name carries a network id (upper snake case: sink-x → SINK_X). */
export const ENV_PATTERN_DOCS: Record<string, string> = {
  OAUTH_NETWORK_CLIENT_ID: 'OAUTH_<NETWORK>_CLIENT_ID: the client id of the app registered with that network, for its "Connect with …" button (e.g. OAUTH_X_CLIENT_ID). Register the redirect URI PUBLIC_URL/api/oauth/callback with the network.',
  OAUTH_NETWORK_CLIENT_SECRET: 'OAUTH_<NETWORK>_CLIENT_SECRET: that app\'s client secret (may be absent for a public PKCE client).',
  WEBHOOK_NETWORK_SECRET: 'WEBHOOK_<NETWORK>_SECRET: the secret the network signs its webhook requests to PUBLIC_URL/api/webhooks/<channel id> with, when it is one per app rather than per channel.',
};
