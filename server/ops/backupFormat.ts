import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { chmod, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The embedded backup file: a `.tar.gz` (see tarball.ts) holding
 *   manifest.json   what this is (format, versions, row counts, member checksums)
 *   pgdata.tar.gz   PGlite's own dumpDataDir('gzip') of DATA_DIR/pg
 *   secret.key      DATA_DIR/secret.key, which seals secrets stored in the database (when present)
 */
export const BACKUP_FORMAT = 'tandem-embedded-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const PGDATA_MEMBER = 'pgdata.tar.gz';
export const SECRET_KEY_MEMBER = 'secret.key';
export const MANIFEST_MEMBER = 'manifest.json';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  tandemVersion: string;
  pgliteVersion: string;
  /** `SHOW server_version` of the PGlite that wrote it: a data dir only opens with the same major. */
  postgresVersion: string;
  secretKeyIncluded: boolean;
  migrationsApplied: number;
  /** Exact row counts, "schema.table" → rows, checked again after a restore. */
  tables: Record<string, number>;
  members: Record<string, { bytes: number; sha256: string }>;
}

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export function tandemVersion(): string {
  return (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

export function pgliteVersion(): string {
  // The package exports no ./package.json; find it beside the resolved entry point (dist/index.cjs).
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  return (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
}

export const majorOf = (version: string) => Number.parseInt(version, 10);

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

type Query = (text: string) => Promise<{ rows: unknown[] }>;

/** Exact row counts of every ordinary table outside the system schemas. */
export async function tableCounts(query: Query): Promise<Record<string, number>> {
  const { rows } = await query(
    `SELECT table_schema AS s, table_name AS t FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
     ORDER BY 1, 2`,
  );
  const counts: Record<string, number> = {};
  for (const { s, t } of rows as { s: string; t: string }[]) {
    const { rows: r } = await query(`SELECT count(*) AS n FROM ${quoteIdent(s)}.${quoteIdent(t)}`);
    counts[`${s}.${t}`] = Number((r[0] as { n: number | string }).n);
  }
  return counts;
}

/** Rows in drizzle's bookkeeping table; 0 when no migration ever ran. */
export async function migrationsApplied(query: Query): Promise<number> {
  const { rows } = await query(`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`);
  if (!(rows[0] as { present: boolean }).present) return 0;
  const { rows: r } = await query('SELECT count(*) AS n FROM drizzle.__drizzle_migrations');
  return Number((r[0] as { n: number | string }).n);
}

export const quoteIdent = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** Write next to the target and rename, so a failed backup never leaves a half file under the real name. */
export async function writeFileAtomic(path: string, data: Buffer, mode = 0o600): Promise<void> {
  const tmp = `${path}.partial-${process.pid}`;
  try {
    await writeFile(tmp, data, { mode });
    await chmod(tmp, mode);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}
