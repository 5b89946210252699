import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  MANIFEST_MEMBER,
  PGDATA_MEMBER,
  SECRET_KEY_MEMBER,
  migrationsApplied,
  pgliteVersion,
  sha256,
  tableCounts,
  tandemVersion,
  writeFileAtomic,
  type BackupManifest,
} from './backupFormat';
import { hasEmbeddedDatabase, lockForMaintenance } from './embeddedLock';
import { OpsError } from './errors';
import { writeTarGz, type TarMember } from './tarball';

export interface EmbeddedBackupResult {
  out: string;
  bytes: number;
  manifest: BackupManifest;
}

/**
 * A consistent copy of an embedded Tandem: holds the data folder's lock (so Tandem must be stopped),
 * checkpoints, and packs PGlite's data-dir dump with secret.key and a manifest into one .tar.gz.
 * The whole backup is built in memory; it is about the size of the compressed database.
 */
export async function backupEmbedded(opts: { dataDir: string; out: string }): Promise<EmbeddedBackupResult> {
  const dataDir = resolve(opts.dataDir);
  const out = resolve(opts.out);
  if (!existsSync(dataDir) || !hasEmbeddedDatabase(dataDir)) {
    throw new OpsError(`No embedded database in ${dataDir} (expected ${join(dataDir, 'pg')}). Pass --data-dir, or --database-url for a PostgreSQL server.`);
  }
  if (out === dataDir || out.startsWith(`${dataDir}/pg/`)) throw new OpsError('Write the backup outside the database folder.');
  const release = await lockForMaintenance(dataDir, 'back up');
  try {
    const pg = await PGlite.create(join(dataDir, 'pg'));
    let pgdata: Buffer;
    let manifestBase: Pick<BackupManifest, 'postgresVersion' | 'tables' | 'migrationsApplied'>;
    try {
      const query = (text: string) => pg.query(text);
      const { rows } = await pg.query<{ server_version: string }>('SHOW server_version');
      manifestBase = { postgresVersion: rows[0]!.server_version, tables: await tableCounts(query), migrationsApplied: await migrationsApplied(query) };
      // Flush everything to the data files so the restored copy starts without WAL replay.
      await pg.exec('CHECKPOINT');
      pgdata = Buffer.from(await (await pg.dumpDataDir('gzip')).arrayBuffer());
    } finally {
      await pg.close();
    }

    const members: TarMember[] = [{ name: PGDATA_MEMBER, data: pgdata }];
    const keyFile = join(dataDir, 'secret.key');
    if (existsSync(keyFile)) members.push({ name: SECRET_KEY_MEMBER, data: await readFile(keyFile), mode: 0o600 });

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      tandemVersion: tandemVersion(),
      pgliteVersion: pgliteVersion(),
      ...manifestBase,
      secretKeyIncluded: existsSync(keyFile),
      members: Object.fromEntries(members.map((m) => [m.name, { bytes: m.data.length, sha256: sha256(m.data) }])),
    };
    const file = await writeTarGz([{ name: MANIFEST_MEMBER, data: Buffer.from(JSON.stringify(manifest, null, 2)) }, ...members]);
    await writeFileAtomic(out, file);
    return { out, bytes: statSync(out).size, manifest };
  } finally {
    await release();
  }
}
