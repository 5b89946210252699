import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  MANIFEST_MEMBER,
  PGDATA_MEMBER,
  SECRET_KEY_MEMBER,
  majorOf,
  pgliteVersion,
  sha256,
  tableCounts,
  writeFileAtomic,
  type BackupManifest,
} from './backupFormat';
import { hasEmbeddedDatabase, lockForMaintenance } from './embeddedLock';
import { OpsError } from './errors';
import { readTarGz } from './tarball';

export interface EmbeddedBackup {
  manifest: BackupManifest;
  pgdata: Buffer;
  secretKey: Buffer | null;
}

export interface EmbeddedRestoreResult {
  dataDir: string;
  manifest: BackupManifest;
  users: number;
  postgresVersion: string;
  /** Where the replaced database and key were moved (only with force). */
  movedAside: string[];
  secretKeyRestored: boolean;
}

/** Read and check an embedded backup file (checksums, format version). */
export async function readEmbeddedBackup(file: string): Promise<EmbeddedBackup> {
  let members: Map<string, Buffer>;
  try {
    members = await readTarGz(await readFile(file));
  } catch (err) {
    throw new OpsError(`${file} is not a Tandem embedded backup (${(err as Error).message}).`);
  }
  const raw = members.get(MANIFEST_MEMBER);
  const manifest = raw ? (JSON.parse(raw.toString('utf8')) as BackupManifest) : null;
  if (manifest?.format !== BACKUP_FORMAT) throw new OpsError(`${file} is not a Tandem embedded backup (no ${MANIFEST_MEMBER}).`);
  if (manifest.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new OpsError(`${file} was written by a newer Tandem (backup format ${manifest.formatVersion}, this one reads up to ${BACKUP_FORMAT_VERSION}). Upgrade Tandem first.`);
  }
  for (const [name, meta] of Object.entries(manifest.members)) {
    const data = members.get(name);
    if (!data || sha256(data) !== meta.sha256) throw new OpsError(`${file} is damaged: ${name} is missing or does not match its checksum.`);
  }
  return { manifest, pgdata: members.get(PGDATA_MEMBER)!, secretKey: members.get(SECRET_KEY_MEMBER) ?? null };
}

/**
 * Put an embedded backup into DATA_DIR: refuses a folder that already holds a database unless
 * `force` (then the old pg/ and secret.key are moved aside, never deleted), refuses a locked folder,
 * and verifies the result by reopening it and comparing every table's row count with the manifest.
 */
export async function restoreEmbedded(opts: { input: string; dataDir: string; force?: boolean }): Promise<EmbeddedRestoreResult> {
  const dataDir = resolve(opts.dataDir);
  const backup = await readEmbeddedBackup(resolve(opts.input));
  const { manifest } = backup;
  const installed = pgliteVersion();

  await mkdir(dataDir, { recursive: true });
  const release = await lockForMaintenance(dataDir, 'restore');
  const pgDir = join(dataDir, 'pg');
  const keyFile = join(dataDir, 'secret.key');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const movedAside: string[] = [];
  try {
    if (hasEmbeddedDatabase(dataDir) && !opts.force) {
      throw new OpsError(`${dataDir} already holds a database. Restore into an empty folder, or pass --force to move the current one aside to ${pgDir}.before-restore-<time>.`);
    }
    if (existsSync(pgDir)) {
      await rename(pgDir, `${pgDir}.before-restore-${stamp}`);
      movedAside.push(`${pgDir}.before-restore-${stamp}`);
    }
    const keyDiffers = backup.secretKey && existsSync(keyFile) && !(await readFile(keyFile)).equals(backup.secretKey);
    if (keyDiffers) {
      await rename(keyFile, `${keyFile}.before-restore-${stamp}`);
      movedAside.push(`${keyFile}.before-restore-${stamp}`);
    }

    let users: number;
    let postgresVersion: string;
    try {
      ({ users, postgresVersion } = await loadAndVerify(pgDir, backup));
    } catch (err) {
      // Leave the folder as it was: drop the half-restored copy and put the old one back.
      await rm(pgDir, { recursive: true, force: true });
      for (const moved of movedAside) await rename(moved, moved.replace(`.before-restore-${stamp}`, ''));
      if (err instanceof OpsError) throw err;
      const hint =
        majorOf(manifest.postgresVersion) !== majorOf(await installedPostgresHint(manifest))
          ? ` The backup holds PostgreSQL ${manifest.postgresVersion} (PGlite ${manifest.pgliteVersion}); this Tandem has PGlite ${installed}. A data folder only opens with the same PostgreSQL major: restore it with a Tandem of the same PGlite line, then move the data with an SQL dump (docs/OPERATIONS.md).`
          : '';
      throw new OpsError(`Restoring ${opts.input} failed: ${(err as Error).message}.${hint}`);
    }
    if (backup.secretKey) await writeFileAtomic(keyFile, backup.secretKey);
    return { dataDir, manifest, users, postgresVersion, movedAside, secretKeyRestored: !!backup.secretKey };
  } finally {
    await release();
  }
}

async function loadAndVerify(pgDir: string, backup: EmbeddedBackup) {
  const pg = await PGlite.create(pgDir, { loadDataDir: new Blob([new Uint8Array(backup.pgdata)]) });
  try {
    const { rows } = await pg.query<{ server_version: string }>('SHOW server_version');
    const counts = await tableCounts((text) => pg.query(text));
    const wrong = Object.entries(backup.manifest.tables).filter(([t, n]) => counts[t] !== n);
    if (wrong.length) {
      throw new OpsError(`The restored database does not match the backup's manifest (${wrong.map(([t, n]) => `${t}: ${counts[t] ?? 'missing'} rows, expected ${n}`).join('; ')}). Nothing was changed.`);
    }
    if (counts['public.users'] === undefined) throw new OpsError('The restored database has no users table: this is not a Tandem database. Nothing was changed.');
    return { users: counts['public.users'], postgresVersion: rows[0]!.server_version };
  } finally {
    await pg.close();
  }
}

/** The PostgreSQL version this PGlite runs, only needed to explain a failure (never initialises anything on disk). */
async function installedPostgresHint(manifest: BackupManifest): Promise<string> {
  if (pgliteVersion() === manifest.pgliteVersion) return manifest.postgresVersion;
  const pg = await PGlite.create('memory://').catch(() => null);
  if (!pg) return '0';
  try {
    return (await pg.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  } finally {
    await pg.close();
  }
}
