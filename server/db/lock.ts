import lockfile from 'proper-lockfile';
import { resolve } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `Another Tandem process is already using the data folder ${resolve(dataDir)}. ` +
        'Stop it first, or start this one with a different --data-dir. ' +
        '(Two processes on one embedded database would silently lose data; use DATABASE_URL for several processes.)',
    );
  }
}

/** Exclusive lock on the data folder for the life of the process; returns the release function. */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: resolve(dataDir, 'tandem.lock'),
      // A crashed process leaves the lock behind; it counts as stale once not refreshed for this long.
      stale: 30_000,
      update: 5_000,
      onCompromised: (err) => {
        // Someone else took the folder: going on would corrupt it, so stop at once.
        console.error(`Tandem lost the lock on its data folder (${err.message}); exiting to protect the data.`);
        process.exit(70);
      },
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'ELOCKED') throw new DataDirLockedError(dataDir);
    throw err;
  }
}
