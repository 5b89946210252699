import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { openDatabase, type Database } from '../db/client';
import { migrate } from '../db/migrate';
import { createLogger } from '../logger';
import { createMailer } from '../mail/mailer';
import { createPostgresDatabase, testDbKind } from '../test/testDatabase';
import { defineJob } from './defineJob';
import { JobRuntime } from './runtime';
import { allJobs } from './registry';

const log = createLogger('silent');
const mailer = createMailer({ from: 'x', outboxDir: '/tmp/tandem-test-outbox' });
let database: Database;
let drop: (() => Promise<void>) | undefined;
let url: string | undefined;
const attempts = new Map<string, number>();

const record = defineJob({
  id: 'test.recordEffect',
  payload: z.object({ key: z.string() }),
  retry: { limit: 0, delaySeconds: 1, backoff: false },
  async handler({ key }, { db, jobId }) {
    await db.execute(sql`INSERT INTO job_effects (key, job_id) VALUES (${key}, ${jobId})`);
  },
});

const flaky = defineJob({
  id: 'test.failTwice',
  payload: z.object({ key: z.string() }),
  retry: { limit: 3, delaySeconds: 1, backoff: false },
  async handler({ key }, { db }) {
    const n = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, n);
    if (n < 3) throw new Error(`attempt ${n} fails on purpose`);
    await db.execute(sql`INSERT INTO job_effects (key, job_id) VALUES (${key}, 'flaky')`);
  },
});

async function effects(key: string): Promise<number> {
  const r = await database.db.execute(sql`SELECT count(*)::int AS n FROM job_effects WHERE key = ${key}`);
  const rows = Array.isArray(r) ? r : (r as { rows: { n: number }[] }).rows;
  return Number((rows[0] as { n: number }).n);
}

async function until(check: () => Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
}

let runtime: JobRuntime;
beforeAll(async () => {
  if (testDbKind() === 'postgres') {
    const pg = await createPostgresDatabase();
    drop = pg.drop;
    url = pg.url;
  }
  database = await openDatabase({ databaseUrl: url, dataDir: 'memory://' });
  await migrate(database);
  await database.db.execute(sql`CREATE TABLE job_effects (key text NOT NULL, job_id text NOT NULL)`);
  runtime = new JobRuntime({ database, log, mailer, jobs: [...allJobs, record, flaky], work: true, schedule: true, pollingIntervalSeconds: 0.5 });
  await runtime.start();
});
afterAll(async () => {
  await runtime?.stop();
  await database?.close();
  await drop?.();
});

describe('the job queue', () => {
  it('enqueues inside the caller’s transaction: rolled back means never run, committed means run once', async () => {
    await database.db
      .transaction(async (tx) => {
        await runtime.enqueue(tx, record, { key: 'rolled-back' });
        throw new Error('abort');
      })
      .catch(() => undefined);
    await database.db.transaction(async (tx) => {
      await runtime.enqueue(tx, record, { key: 'committed' });
    });
    await until(async () => (await effects('committed')) === 1);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await effects('committed')).toBe(1);
    expect(await effects('rolled-back')).toBe(0);
  });

  it('retries a failing job by its policy until it succeeds', async () => {
    await runtime.enqueue(database.db, flaky, { key: 'flaky' });
    await until(async () => (await effects('flaky')) === 1);
    expect(attempts.get('flaky')).toBe(3);
  });

  it('runs a delayed job no earlier than asked', async () => {
    const sent = Date.now();
    await runtime.enqueue(database.db, record, { key: 'delayed' }, { startAfter: new Date(sent + 2000) });
    await new Promise((r) => setTimeout(r, 1200));
    expect(await effects('delayed')).toBe(0);
    await until(async () => (await effects('delayed')) === 1);
    expect(Date.now() - sent).toBeGreaterThanOrEqual(2000);
  });

  it('rejects a payload that does not match the job’s schema before it reaches the queue', async () => {
    await expect(runtime.enqueue(database.db, record, { key: 42 } as unknown as { key: string })).rejects.toThrow();
  });

  it('registers the cron jobs with the scheduler', async () => {
    const r = await database.executor.executeSql('SELECT name, cron FROM pgboss.schedule ORDER BY name', []);
    expect(r.rows).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'system.vacuumEmbedded' }), expect.objectContaining({ name: 'system.purgeExpired' })]));
  });

  it.runIf(testDbKind() === 'postgres')('lets a web-only process enqueue and a separate worker process run the job', async () => {
    await runtime.stop();
    const web = new JobRuntime({ database, log, mailer, jobs: [record], work: false, schedule: false });
    await web.start();
    await web.enqueue(database.db, record, { key: 'split-roles' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await effects('split-roles')).toBe(0);
    const worker = new JobRuntime({ database, log, mailer, jobs: [record], work: true, schedule: false, pollingIntervalSeconds: 0.5 });
    await worker.start();
    try {
      await until(async () => (await effects('split-roles')) === 1);
    } finally {
      await worker.stop();
      await web.stop();
      runtime = new JobRuntime({ database, log, mailer, jobs: [...allJobs, record, flaky], work: true, schedule: true, pollingIntervalSeconds: 0.5 });
      await runtime.start();
    }
  });

  it.runIf(testDbKind() === 'postgres')('never runs a job twice with several workers on one PostgreSQL', async () => {
    const others = [1, 2].map(() => new JobRuntime({ database, log, mailer, jobs: [record], work: true, schedule: false, pollingIntervalSeconds: 0.5, concurrency: 5 }));
    // Each runtime has its own pg-boss connection pool, as separate processes would.
    for (const o of others) await o.start();
    try {
      const N = 300;
      for (let i = 0; i < N; i++) await runtime.enqueue(database.db, record, { key: `many-${i}` });
      await until(async () => {
        const r = await database.db.execute(sql`SELECT count(*)::int AS n FROM job_effects WHERE key LIKE 'many-%'`);
        return Number(((r as unknown as { rows: { n: number }[] }).rows[0] as { n: number }).n) >= N;
      }, 60_000);
      await new Promise((r) => setTimeout(r, 1500));
      const dup = await database.db.execute(sql`SELECT key, count(*)::int AS n FROM job_effects WHERE key LIKE 'many-%' GROUP BY key HAVING count(*) > 1`);
      expect((dup as unknown as { rows: unknown[] }).rows).toEqual([]);
      const workers = await database.db.execute(sql`SELECT count(DISTINCT key)::int AS n FROM job_effects WHERE key LIKE 'many-%'`);
      expect(Number(((workers as unknown as { rows: { n: number }[] }).rows[0] as { n: number }).n)).toBe(N);
    } finally {
      for (const o of others) await o.stop();
    }
  });
});
