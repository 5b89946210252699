import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { SecretBox } from './crypto';
import type { AppContext } from './context';
import { openDatabase, type Database } from './db/client';
import { migrate } from './db/migrate';
import type { Env } from './env';
import { buildApp } from './http/app';
import { allJobs } from './jobs/registry';
import { JobRuntime } from './jobs/runtime';
import { createLogger } from './logger';
import { createMailer } from './mail/mailer';
import { openMediaStorage } from './storage/open';
import { resolveSecretKey } from './secretKey';
import { configureConnectors } from './modules/channels';
import { configureOutbound } from './net/outbound';
import { RealtimeHub } from './realtime';
import { seedDemo, DEMO_PASSWORD, DEMO_PEOPLE } from './seed/demo';

export interface Tandem {
  url: string | null;
  app: FastifyInstance | null;
  database: Database;
  jobs: JobRuntime;
  ctx: AppContext;
  close(): Promise<void>;
}

/** Starts the roles asked for (web, worker, scheduler) on one database. */
export async function startTandem(env: Env, opts: { webDist?: string; installSignalHandlers?: boolean } = {}): Promise<Tandem> {
  const log = createLogger(env.LOG_LEVEL);
  const embedded = !env.DATABASE_URL;
  const dataDir = env.DATA_DIR === 'memory://' ? env.DATA_DIR : resolve(env.DATA_DIR);
  const started = Date.now();
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir, poolSize: env.DB_POOL_SIZE, onIdleError: (err) => log.warn({ err }, 'the database closed an idle connection; a new one will be opened') });
  let realtime: RealtimeHub | undefined;
  try {
    await migrate(database);
    const secrets = new SecretBox(resolveSecretKey({ secretKey: env.SECRET_KEY, databaseUrl: env.DATABASE_URL, dataDir }), env.SECRET_KEY_PREVIOUS ? [env.SECRET_KEY_PREVIOUS] : []);
    const mailer = createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, outboxDir: dataDir === 'memory://' ? resolve('.tandem-test/outbox', String(process.pid), String(started)) : resolve(dataDir, 'outbox') });
    configureConnectors({ sink: env.ENABLE_SINK_CONNECTOR, networks: env.networks, allowPrivateHosts: env.LINK_PREVIEW_PRIVATE_HOSTS });
    configureOutbound({ allowPrivateHosts: env.LINK_PREVIEW_PRIVATE_HOSTS });
    const media = await openMediaStorage(env, dataDir);
    const roles = new Set(env.TANDEM_ROLES);
    const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
    const jobs = new JobRuntime({ database, log, mailer, secrets, storage: media.storage, jobs: allJobs, work: roles.has('worker'), schedule: roles.has('scheduler'), env, publicUrl });
    await jobs.start();
    // Only the web role serves SSE streams, so only it holds a LISTEN connection; every role publishes.
    const hub = (realtime = new RealtimeHub(log));
    if (roles.has('web')) await hub.start(database.listen);
    const ctx: AppContext = { db: database.db, jobs, secrets, mailer, log, publicUrl, signupOpen: env.SIGNUP_OPEN, storage: media.storage, mediaMaxBytes: env.MEDIA_MAX_BYTES, realtime: hub, communityImages: { maxBytes: env.COMMUNITY_IMAGE_MAX_BYTES, perMemberPerDay: env.COMMUNITY_IMAGE_UPLOADS_PER_DAY } };

    if (env.DEMO && embedded && (await seedDemo(database.db))) {
      log.info({ users: DEMO_PEOPLE.map((p) => `${p.email} (${p.roles.join('+')})`), password: '[see README]' }, 'seeded the Caffè Aurora demo workspace');
      console.log(`Demo workspace "Caffè Aurora" ready. Sign in as ${DEMO_PEOPLE[0]!.email} with password ${DEMO_PASSWORD} (other demo users in the README).`);
    }

    let app: FastifyInstance | null = null;
    let url: string | null = null;
    if (roles.has('web')) {
      app = await buildApp({ ctx, logLevel: env.LOG_LEVEL, bodyLimit: env.BODY_LIMIT_BYTES, loginMaxPerMinute: env.LOGIN_MAX_PER_MINUTE, communityPageCacheSeconds: env.COMMUNITY_PAGE_CACHE_SECONDS, trustProxy: env.TRUST_PROXY, webDist: opts.webDist });
      url = await app.listen({ port: env.PORT, host: env.HOST });
      log.info({ url, embedded, roles: [...roles], ms: Date.now() - started }, 'Tandem is listening');
      console.log(`Tandem is running at ${publicUrl} (${embedded ? `embedded database in ${dataDir}` : 'PostgreSQL'})`);
    }

    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        await app?.close();
        await hub.stop();
        await jobs.stop();
        await media.close();
        await database.close();
      })());
    if (opts.installSignalHandlers) {
      for (const sig of ['SIGINT', 'SIGTERM'] as const) {
        process.once(sig, () => {
          log.info({ sig }, 'shutting down');
          close().then(() => process.exit(0), (err) => { log.error({ err }, 'shutdown failed'); process.exit(1); });
        });
      }
    }
    return { url, app, database, jobs, ctx, close };
  } catch (err) {
    await realtime?.stop().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw err;
  }
}
