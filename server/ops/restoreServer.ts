import { openSync, readSync, closeSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { OpsError } from './errors';
import { redactUrl, requirePgTool, runPgTool, serverFacts } from './pgTools';

export interface ServerRestoreResult {
  users: number;
  serverVersion: string;
}

/** pg_dump's custom format starts with these bytes. */
export function isPgDumpCustom(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(5);
    readSync(fd, b, 0, 5, 0);
    return b.toString('latin1') === 'PGDMP';
  } finally {
    closeSync(fd);
  }
}

/**
 * pg_restore --clean --if-exists --no-owner into DATABASE_URL, in one transaction so a failure
 * leaves the target untouched. Refuses a database that has tables, or other sessions, unless force.
 */
export async function restoreServer(opts: { input: string; databaseUrl: string; force?: boolean }): Promise<ServerRestoreResult> {
  const input = resolve(opts.input);
  if (!isPgDumpCustom(input)) throw new OpsError(`${input} is not a pg_dump custom-format file (made by tandem backup --database-url, or pg_dump --format=custom).`);
  // An archive from a newer pg_dump is refused by pg_restore itself, in its own words.
  requirePgTool('pg_restore');
  const target = await serverFacts(opts.databaseUrl);
  if (!opts.force && target.tables > 0) {
    throw new OpsError(`${redactUrl(opts.databaseUrl)} already has ${target.tables} tables. Restore into an empty database, or pass --force to replace what the backup contains.`);
  }
  if (!opts.force && target.otherConnections > 0) {
    throw new OpsError(`${target.otherConnections} other connection(s) are open on ${redactUrl(opts.databaseUrl)}: stop Tandem first (or pass --force).`);
  }
  try {
    await runPgTool('pg_restore', opts.databaseUrl, ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', '--no-password', input]);
  } catch (err) {
    (err as Error).message = (err as Error).message.replaceAll(opts.databaseUrl, redactUrl(opts.databaseUrl));
    throw err;
  }
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  try {
    const r = await client.query<{ n: string }>('SELECT count(*) AS n FROM users');
    return { users: Number(r.rows[0]!.n), serverVersion: target.version };
  } catch (err) {
    throw new OpsError(`The restore finished but the database has no readable users table (${(err as Error).message}): was this a Tandem backup?`);
  } finally {
    await client.end();
  }
}
