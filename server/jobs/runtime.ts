import PgBoss from 'pg-boss';
import type { Database, Db } from '../db/client';
import type { Logger } from '../logger';
import type { Mailer } from '../mail/mailer';
import { readEnv } from '../env';
import type { JobDefinition, JobEnv } from './defineJob';
import { executorFor } from './sqlExecutor';
import { QueueWorker } from './worker';
import type { SecretBox } from '../crypto';
import type { Storage } from '../storage';

export interface EnqueueOptions {
  startAfter?: Date | number;
  /** Only one job with this key may be waiting at a time. */
  singletonKey?: string;
}

export interface JobQueue {
  /** Enqueue through `db`, which must be the caller's transaction when there is one. */
  enqueue<P>(db: Db, job: JobDefinition<import('zod').ZodType<P>>, payload: P, opts?: EnqueueOptions): Promise<string | null>;
  /** Which of these singleton keys have a job waiting, retrying or running. */
  liveKeys(db: Db, job: JobDefinition, keys: string[]): Promise<Set<string>>;
}

interface RuntimeOptions {
  database: Database;
  log: Logger;
  mailer: Mailer;
  secrets?: SecretBox;
  storage?: Storage;
  jobs: JobDefinition[];
  /** Fetch and run jobs in this process. */
  work: boolean;
  /** Run cron schedules and queue maintenance in this process. */
  schedule: boolean;
  /** Overrides every job's own concurrency (tests of the queue itself). */
  concurrency?: number;
  pollingIntervalSeconds?: number;
  /** Settings from server/env.ts; the defaults when absent. */
  env?: JobEnv;
  /** Tandem's public address, for links in emails. */
  publicUrl?: string;
}

const DEFAULT_EXPIRE_SECONDS = 15 * 60;

/** The queue runtime: pg-boss on the same database as everything else. No business logic here. */
export class JobRuntime implements JobQueue {
  private boss: PgBoss;
  private workers = new Map<string, QueueWorker>();

  private readonly env: JobEnv;

  constructor(private readonly opts: RuntimeOptions) {
    const { database } = opts;
    this.env = opts.env ?? readEnv({}, {});
    // Expiry (a dead worker's jobs going back to the queue) is checked by this maintenance loop:
    // run it often enough that the shortest expiry is honoured within half of itself.
    const shortest = Math.min(...opts.jobs.map((j) => this.expireOf(j)));
    this.boss = new PgBoss({
      ...(database.kind === 'server' ? { connectionString: database.connectionString, max: 4 } : { db: database.executor }),
      schema: 'pgboss',
      supervise: opts.schedule,
      schedule: opts.schedule,
      migrate: true,
      maintenanceIntervalSeconds: Math.max(1, Math.min(120, Math.floor(shortest / 2))),
      archiveCompletedAfterSeconds: 3600,
      deleteAfterDays: 7,
    });
    this.boss.on('error', (err) => opts.log.error({ err }, 'job queue error'));
  }

  async start(): Promise<void> {
    const { jobs, log } = this.opts;
    await this.boss.start();
    for (const job of jobs) {
      const queue = { name: job.id, retryLimit: job.retry.limit, retryDelay: job.retry.delaySeconds, retryBackoff: job.retry.backoff, expireInSeconds: this.expireOf(job) };
      if (await this.boss.getQueue(job.id)) await this.boss.updateQueue(job.id, queue);
      else await this.boss.createQueue(job.id, queue).catch(async (err) => {
        // Another process created it between our check and our create.
        if (!(await this.boss.getQueue(job.id))) throw err;
      });
    }
    if (this.opts.schedule) {
      for (const job of jobs) if (job.cron) await this.boss.schedule(job.id, job.cron, {}, { tz: 'UTC' });
    }
    if (this.opts.work) for (const job of jobs) await this.startWorker(job);
    log.info({ jobs: jobs.length, work: this.opts.work, schedule: this.opts.schedule }, 'job runtime started');
  }

  private async startWorker(job: JobDefinition): Promise<void> {
    const { database, log, mailer } = this.opts;
    const worker = new QueueWorker(this.boss, {
      queue: job.id,
      concurrency: this.opts.concurrency ?? (typeof job.concurrency === 'function' ? job.concurrency(this.env) : (job.concurrency ?? 1)),
      pollingMs: (this.opts.pollingIntervalSeconds ?? 2) * 1000,
      expireMs: this.expireOf(job) * 1000,
      log,
      executor: database.executor,
      run: async (j) => {
        const payload = job.payload.parse(j.data);
        await job.handler(payload, { db: database.db, log: log.child({ job: job.id, jobId: j.id }), mailer, jobId: j.id, jobs: this, secrets: this.opts.secrets, storage: this.opts.storage, embedded: database.kind === 'embedded', env: this.env, publicUrl: this.opts.publicUrl });
      },
    });
    worker.start();
    this.workers.set(job.id, worker);
  }

  async enqueue<P>(db: Db, job: JobDefinition<import('zod').ZodType<P>>, payload: P, opts: EnqueueOptions = {}): Promise<string | null> {
    const data = job.payload.parse(payload) as object;
    const id = await this.boss.send(job.id, data, { db: executorFor(db), startAfter: opts.startAfter, singletonKey: opts.singletonKey });
    // Wake a local worker when the job is due: it is visible once the caller's transaction commits
    // (soon after; looked at again a little later in case the commit took longer).
    const worker = this.workers.get(job.id);
    if (worker) {
      const due = opts.startAfter === undefined ? Date.now() : new Date(opts.startAfter).getTime();
      setTimeout(() => worker.wake(Math.max(Date.now(), due)), 5);
      setTimeout(() => worker.wake(Math.max(Date.now(), due)), 200);
    }
    return id;
  }

  private expireOf(job: JobDefinition): number {
    const e = job.expireInSeconds;
    return typeof e === 'function' ? e(this.env) : (e ?? DEFAULT_EXPIRE_SECONDS);
  }

  /** Which of these singleton keys have a job waiting, retrying or running (so need no other). */
  async liveKeys(db: Db, job: JobDefinition, keys: string[]): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const { rows } = await executorFor(db).executeSql("SELECT DISTINCT singleton_key AS key FROM pgboss.job WHERE name = $1 AND state < 'completed' AND singleton_key IN (SELECT jsonb_array_elements_text($2::jsonb))", [job.id, JSON.stringify(keys)]);
    return new Set((rows as { key: string }[]).map((r) => r.key));
  }

  /** Counts by state, for /metrics and tests. */
  async counts(): Promise<Record<string, number>> {
    const { rows } = await this.opts.database.executor.executeSql('SELECT state::text AS state, count(*)::int AS n FROM pgboss.job GROUP BY state', []);
    return Object.fromEntries((rows as { state: string; n: number }[]).map((r) => [r.state, Number(r.n)]));
  }

  async stop(): Promise<void> {
    await Promise.all([...this.workers.values()].map((w) => w.stop(10_000)));
    this.workers.clear();
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000, close: true });
  }
}
