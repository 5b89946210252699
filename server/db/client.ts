import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';
import { lockDataDir } from './lock';
import { pgListen, type Listen } from './listen';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** What pg-boss needs to run SQL; multi-statement text arrives without parameters. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface Database {
  kind: 'embedded' | 'server';
  db: Db;
  /** Executor over the shared connection(s), for the job queue's own queries. */
  executor: SqlExecutor;
  /** pg-boss gets its own pool in server mode; in embedded mode it must share the one PGlite. */
  connectionString?: string;
  /**
   * LISTEN to a NOTIFY channel (realtime fan-out, docs/adr/0010). PGlite delivers its own NOTIFYs in
   * process, on commit like PostgreSQL; the server mode holds one dedicated connection per listener.
   */
  listen: Listen;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** Folder for the embedded database; `memory://` keeps it in memory (tests). */
  dataDir: string;
  poolSize?: number;
  /** Told when PostgreSQL closes an idle pooled connection (logged by the caller). */
  onIdleError?: (err: Error) => void;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.databaseUrl ? openServer(opts.databaseUrl, opts.poolSize ?? 10, opts.onIdleError ?? (() => undefined)) : openEmbedded(opts.dataDir);
}

async function openEmbedded(dataDir: string): Promise<Database> {
  const inMemory = dataDir === 'memory://';
  let release: (() => Promise<void>) | undefined;
  if (!inMemory) {
    mkdirSync(dataDir, { recursive: true });
    // Two processes on one PGlite folder silently lose committed rows: refuse the second.
    release = await lockDataDir(dataDir);
  }
  try {
    if (!inMemory && !existsSync(join(dataDir, 'pg', 'PG_VERSION'))) {
      execFileSync(process.execPath, [fileURLToPath(new URL('./initEmbedded.mjs', import.meta.url)), join(dataDir, 'pg')], { stdio: 'inherit' });
    }
    // unaccent: community search folds accents (migration 0011 falls back when it is missing).
    const client = await PGlite.create(inMemory ? 'memory://' : join(dataDir, 'pg'), { extensions: { unaccent } });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      kind: 'embedded',
      db,
      executor: {
        async executeSql(text, values) {
          if (values?.length) return client.query(text, values);
          // Parameter-less SQL may hold several statements; only the simple protocol (exec) accepts those.
          const results = await client.exec(text);
          return { rows: results.flatMap((r) => r.rows) };
        },
      },
      async listen(channel, onPayload) {
        const stop = await client.listen(channel, onPayload);
        return async () => {
          if (!client.closed) await stop();
        };
      },
      async close() {
        await client.close();
        await release?.();
      },
    };
  } catch (err) {
    await release?.();
    throw err;
  }
}

async function openServer(url: string, poolSize: number, onIdleError?: (err: Error) => void): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection closed by the server (restart, failover, timeout) must not crash the process:
  // the pool drops it and opens a new one on the next query.
  pool.on('error', (err) => onIdleError?.(err));
  // Fail now, with the server's own words, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'server',
    db,
    executor: { executeSql: (text, values) => pool.query(text, values) },
    connectionString: url,
    listen: pgListen(url, onIdleError),
    close: () => pool.end(),
  };
}
