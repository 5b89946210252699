import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataDirLockedError, lockDataDir } from '../db/lock';
import { OpsError } from './errors';

/** True when DIR/pg holds a PGlite (PostgreSQL) data directory. */
export const hasEmbeddedDatabase = (dataDir: string) => existsSync(join(dataDir, 'pg', 'PG_VERSION'));

/**
 * Take the data folder's lock for an offline operation. A running Tandem holds it; copying or
 * replacing a live PGlite folder is not consistent, so refuse in words that say what to do.
 */
export async function lockForMaintenance(dataDir: string, what: 'back up' | 'restore'): Promise<() => Promise<void>> {
  if (dataDir === 'memory://') throw new OpsError(`Cannot ${what} an in-memory database.`);
  try {
    return await lockDataDir(dataDir);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      throw new OpsError(
        `Tandem is running on ${resolve(dataDir)} (its lock file tandem.lock is held). Stop Tandem first, then ${what} again: ` +
          (what === 'back up' ? 'a copy of a live embedded database is not consistent.' : 'replacing the database under a running Tandem would corrupt it.') +
          ' (A lock left by a crashed process expires after 30 seconds.)',
      );
    }
    throw err;
  }
}
