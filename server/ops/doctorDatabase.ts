import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import lockfile from 'proper-lockfile';
import pg from 'pg';
import { DataDirLockedError, lockDataDir } from '../db/lock';
import { migrationsApplied, pgliteVersion, repoRoot } from './backupFormat';
import type { DoctorCheck } from './doctor';
import { hasEmbeddedDatabase } from './embeddedLock';
import { redactUrl } from './pgTools';

/** Checks of the database itself: reachable, its version, migrations applied, key present. */

export function journalEntries(root = repoRoot): number {
  const journal = JSON.parse(readFileSync(join(root, 'server/db/migrations/meta/_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

export function migrationCheck(applied: number, known: number): DoctorCheck {
  const title = 'Migrations';
  if (applied === known) return { id: 'migrations', title, status: 'ok', detail: `all ${known} applied` };
  if (applied < known) return { id: 'migrations', title, status: 'warn', detail: `${applied} of ${known} applied, ${known - applied} pending`, fix: 'run tandem migrate (tandem start also applies them)' };
  return { id: 'migrations', title, status: 'fail', detail: `the database has ${applied} migrations, this Tandem knows only ${known}`, fix: 'a newer Tandem used this database: upgrade Tandem (or restore a backup made before)' };
}

export async function isDataDirLocked(dataDir: string): Promise<boolean> {
  return lockfile.check(dataDir, { lockfilePath: join(dataDir, 'tandem.lock'), stale: 30_000 });
}

export async function embeddedDatabaseChecks(dataDir: string, locked: boolean, known: number): Promise<DoctorCheck[]> {
  const title = 'Database (embedded)';
  if (!hasEmbeddedDatabase(dataDir)) {
    return [
      { id: 'database', title, status: 'ok', detail: `no database yet in ${join(dataDir, 'pg')}: Tandem creates it on first start (PGlite ${pgliteVersion()})` },
      { id: 'migrations', title: 'Migrations', status: 'info', detail: `${known} will be applied on first start` },
    ];
  }
  if (locked) {
    return [
      { id: 'database', title, status: 'info', detail: 'not opened: Tandem is running and holds it' },
      { id: 'migrations', title: 'Migrations', status: 'info', detail: 'not checked while Tandem is running (start applies them)' },
    ];
  }
  let release: (() => Promise<void>) | undefined;
  try {
    release = await lockDataDir(dataDir);
  } catch (err) {
    if (err instanceof DataDirLockedError) return [{ id: 'database', title, status: 'info', detail: 'not opened: Tandem just started and holds it' }];
    throw err;
  }
  try {
    const db = await PGlite.create(join(dataDir, 'pg'));
    try {
      const version = (await db.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
      const applied = await migrationsApplied((text) => db.query(text));
      return [{ id: 'database', title, status: 'ok', detail: `opens; PostgreSQL ${version} (PGlite ${pgliteVersion()})` }, migrationCheck(applied, known)];
    } finally {
      await db.close();
    }
  } catch (err) {
    const pgVersion = readFileSync(join(dataDir, 'pg', 'PG_VERSION'), 'utf8').trim();
    return [
      {
        id: 'database',
        title,
        status: 'fail',
        detail: `cannot open ${join(dataDir, 'pg')} (PostgreSQL ${pgVersion} data folder): ${(err as Error).message}`,
        fix: `PGlite ${pgliteVersion()} opens only its own PostgreSQL major. If this folder comes from another PGlite version, restore a backup with that version and move the data (docs/OPERATIONS.md).`,
      },
    ];
  } finally {
    await release();
  }
}

export async function serverDatabaseChecks(url: string, known: number): Promise<{ checks: DoctorCheck[]; major: number | null }> {
  const title = 'Database (PostgreSQL)';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (err) {
    return { checks: [{ id: 'database', title, status: 'fail', detail: `cannot connect to ${redactUrl(url)}: ${(err as Error).message}`, fix: 'check DATABASE_URL, that the server runs, and that it accepts this user' }], major: null };
  }
  try {
    const { rows } = await client.query<{ v: string; num: string }>(`SELECT current_setting('server_version') AS v, current_setting('server_version_num') AS num`);
    const version = rows[0]!.v.split(' ')[0]!;
    const major = Math.floor(Number(rows[0]!.num) / 10_000);
    const applied = await migrationsApplied((text) => client.query(text));
    const db: DoctorCheck =
      major < 15
        ? { id: 'database', title, status: 'warn', detail: `reachable; PostgreSQL ${version}`, fix: 'PostgreSQL 15 or newer is supported; upgrade the server' }
        : { id: 'database', title, status: 'ok', detail: `reachable; PostgreSQL ${version}` };
    return { checks: [db, migrationCheck(applied, known)], major };
  } finally {
    await client.end();
  }
}

export function secretKeyChecks(opts: { embedded: boolean; dataDir: string; secretKeySet: boolean }): DoctorCheck {
  const title = 'Secret key';
  if (!opts.embedded) {
    return opts.secretKeySet
      ? { id: 'secretKey', title, status: 'ok', detail: 'SECRET_KEY is set (keep it safe: server backups do not contain it)' }
      : { id: 'secretKey', title, status: 'fail', detail: 'SECRET_KEY is not set; it is required with DATABASE_URL', fix: 'generate one with: openssl rand -hex 32, and give the same value to every Tandem process' };
  }
  if (opts.secretKeySet) return { id: 'secretKey', title, status: 'ok', detail: 'SECRET_KEY is set and used instead of DATA_DIR/secret.key (keep it: backups cannot include it)' };
  const file = join(opts.dataDir, 'secret.key');
  if (!existsSync(file)) {
    return hasEmbeddedDatabase(opts.dataDir)
      ? { id: 'secretKey', title, status: 'warn', detail: `${file} is missing; a new one will be generated`, fix: 'secrets sealed with the old key (e.g. two-factor secrets) will be unreadable: restore secret.key from the backup taken with this database' }
      : { id: 'secretKey', title, status: 'ok', detail: 'generated in the data folder on first start' };
  }
  if (statSync(file).mode & 0o077) return { id: 'secretKey', title, status: 'warn', detail: `${file} is readable by other users`, fix: `chmod 600 ${file}` };
  return { id: 'secretKey', title, status: 'ok', detail: `${file} present (tandem backup includes it)` };
}
