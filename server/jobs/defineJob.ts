import type { z } from 'zod';
import type { Db } from '../db/client';
import type { Logger } from '../logger';
import type { Mailer } from '../mail/mailer';
import type { SecretBox } from '../crypto';
import type { Storage } from '../storage';
import type { Env } from '../env';
import type { JobQueue } from './runtime';

/** The settings from server/env.ts that jobs read (leases, expiry). */
export type JobEnv = Pick<Env, 'PUBLISH_LEASE_SECONDS' | 'PUBLISH_JOB_EXPIRE_SECONDS' | 'PUBLISH_CONCURRENCY'>;

export interface JobContext {
  db: Db;
  log: Logger;
  mailer: Mailer;
  jobId: string;
  /** To enqueue follow-up jobs (through a transaction when there is one). */
  jobs: JobQueue;
  /** Absent only in runtimes started without secrets (queue tests). */
  secrets?: SecretBox;
  /** Uploaded media (the publisher reads the bytes to send); absent only in queue tests. */
  storage?: Storage;
  /** Whether this process runs the embedded database (some maintenance only applies there). */
  embedded: boolean;
  env: JobEnv;
  /** Tandem's public address, for links in emails; absent only in queue tests. */
  publicUrl?: string;
}

export interface RetryPolicy {
  limit: number;
  delaySeconds: number;
  backoff: boolean;
}

/** A job is one self-describing file: id, payload schema, handler, retry policy, optional cron. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  id: string;
  payload: S;
  retry: RetryPolicy;
  /** Cron expression (UTC) for jobs the scheduler enqueues by itself. */
  cron?: string;
  /**
   * Longest a single run may take before it is counted as failed and retried (also how long the jobs
   * of a killed worker wait before another worker gets them). A function reads it from the settings.
   */
  expireInSeconds?: number | ((env: JobEnv) => number);
  /** How many jobs of this kind one process runs at the same time (default 1). */
  concurrency?: number | ((env: JobEnv) => number);
  /** Handlers must be idempotent: re-read state and do nothing when the work is already done. */
  handler(payload: z.infer<S>, ctx: JobContext): Promise<void>;
}

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  if (!/^[a-z]+\.[a-zA-Z]+$/.test(def.id)) throw new Error(`Job id "${def.id}" must look like module.verbNoun`);
  return def;
}

export const DEFAULT_RETRY: RetryPolicy = { limit: 5, delaySeconds: 10, backoff: true };
