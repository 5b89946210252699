import type PgBoss from 'pg-boss';
import type { SqlExecutor } from '../db/client';
import type { Logger } from '../logger';

export interface WorkerOptions {
  queue: string;
  /** Jobs of this queue run at the same time in this process (at most). */
  concurrency: number;
  pollingMs: number;
  /** A run longer than this is failed (and retried by the queue's policy); the run itself is not stopped. */
  expireMs: number;
  log: Logger;
  /** For the next delayed job's due time. */
  executor: SqlExecutor;
  run(job: PgBoss.Job<unknown>): Promise<void>;
}

const MIN_SLEEP_MS = 20;
/** Completions are written in small batches: one statement for the jobs that finished within this. */
const COMPLETE_BATCH_MS = 10;

/**
 * One queue's worker: keeps up to `concurrency` jobs running, fetching as many as there are free
 * slots (FOR UPDATE SKIP LOCKED, so workers in several processes share the queue), and completes each
 * job as it finishes. Between fetches it sleeps until the polling interval, a freed slot, a local
 * enqueue, or the due time of the next delayed job, whichever comes first: a job scheduled for 09:00
 * starts at 09:00, not at the next poll.
 */
export class QueueWorker {
  private active = 0;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private sleeping: { until: number; timer: NodeJS.Timeout; resolve: () => void } | null = null;
  private completed: string[] = [];
  private flushTimer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private idle: Array<() => void> = [];
  /** The earliest wake-up asked for while the loop was busy (not sleeping). */
  private wakeAt: number | null = null;
  /** Fetched and not started yet (they count as running for the queue, so the buffer stays small). */
  private buffer: PgBoss.Job<unknown>[] = [];
  private readonly prefetch: number;

  constructor(
    private readonly boss: PgBoss,
    private readonly o: WorkerOptions,
  ) {
    this.prefetch = Math.max(o.concurrency, Math.min(20, o.concurrency * 2));
  }

  start() {
    this.loop = this.run();
  }

  /** Look again no later than `at` (now when absent). */
  wake(at = Date.now()) {
    const s = this.sleeping;
    if (!s) {
      this.wakeAt = Math.min(this.wakeAt ?? Infinity, at);
      return;
    }
    if (at >= s.until) return;
    clearTimeout(s.timer);
    const ms = Math.max(0, at - Date.now());
    s.until = at;
    s.timer = setTimeout(s.resolve, ms);
  }

  private async run() {
    const { o } = this;
    while (!this.stopping) {
      let free = o.concurrency - this.active;
      let short = false;
      try {
        // Fetch in batches (each fetch sorts the queue's due jobs): refill the local buffer once it
        // runs low, and start buffered jobs as slots free.
        if (free > 0 && this.buffer.length < free) {
          const want = this.prefetch - this.buffer.length;
          const jobs = await this.boss.fetch<unknown>(o.queue, { batchSize: want });
          short = jobs.length < want;
          this.buffer.push(...jobs);
        }
        while (free > 0 && this.buffer.length) {
          this.launch(this.buffer.shift()!);
          free--;
        }
        if (free === 0 || (this.buffer.length && !short)) {
          await this.sleep(o.pollingMs);
          continue;
        }
        if (!short) continue;
        await this.sleep(await this.untilNextDue());
      } catch (err) {
        o.log.warn({ err, queue: o.queue }, 'job worker: fetching failed; trying again after the polling interval');
        await this.sleep(o.pollingMs);
      }
    }
  }

  /** Milliseconds until the earliest waiting job of this queue is due (bounded by the polling interval). */
  private async untilNextDue(): Promise<number> {
    const { rows } = await this.o.executor.executeSql("SELECT extract(epoch FROM min(start_after) - now()) * 1000 AS ms FROM pgboss.job WHERE name = $1 AND state < 'active'", [this.o.queue]);
    const ms = (rows[0] as { ms: string | number | null } | undefined)?.ms;
    if (ms === null || ms === undefined) return this.o.pollingMs;
    return Math.min(this.o.pollingMs, Math.max(MIN_SLEEP_MS, Math.ceil(Number(ms)) + 5));
  }

  private sleep(asked: number): Promise<void> {
    const ms = this.wakeAt === null ? asked : Math.min(asked, Math.max(0, this.wakeAt - Date.now()));
    this.wakeAt = null;
    return new Promise<void>((resolve) => {
      const done = () => {
        this.sleeping = null;
        resolve();
      };
      this.sleeping = { until: Date.now() + ms, timer: setTimeout(done, ms), resolve: done };
    });
  }

  private launch(job: PgBoss.Job<unknown>) {
    const { o } = this;
    this.active++;
    void (async () => {
      let timer: NodeJS.Timeout | undefined;
      try {
        const expired = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`ran longer than ${o.expireMs / 1000} s`)), o.expireMs);
        });
        await Promise.race([o.run(job), expired]);
        this.complete(job.id);
      } catch (err) {
        o.log.warn({ err, job: o.queue, jobId: job.id }, 'job failed; it will be retried while its policy allows');
        await this.boss.fail(o.queue, job.id, { message: (err as Error).message }).catch((e: unknown) => o.log.error({ err: e, jobId: job.id }, 'job worker: could not mark the job failed; it will expire'));
      } finally {
        clearTimeout(timer);
        this.active--;
        if (this.active === 0) for (const f of this.idle.splice(0)) f();
        this.wake();
      }
    })();
  }

  private complete(id: string) {
    this.completed.push(id);
    this.flushTimer ??= setTimeout(() => void this.flush(), COMPLETE_BATCH_MS);
  }

  private flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const ids = this.completed.splice(0);
    if (!ids.length) return this.flushing;
    // A lost completion only means the job runs again after it expires; handlers are idempotent.
    this.flushing = this.flushing.then(() => this.boss.complete(this.o.queue, ids).then(() => undefined, (err: unknown) => this.o.log.warn({ err, queue: this.o.queue }, 'job worker: completing jobs failed; they will run again after they expire')));
    return this.flushing;
  }

  /** Stops fetching, runs what is buffered, waits (bounded) for running jobs, and writes the last completions. */
  async stop(timeoutMs: number) {
    this.stopping = true;
    this.wake();
    await this.loop;
    for (const j of this.buffer.splice(0)) this.launch(j);
    if (this.active > 0) await Promise.race([new Promise<void>((r) => this.idle.push(r)), new Promise((r) => setTimeout(r, timeoutMs))]);
    await this.flush();
  }
}
