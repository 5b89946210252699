import type { Command } from 'commander';
import { openDatabase } from '../../server/db/client';
import { migrate } from '../../server/db/migrate';
import { resealSecrets, rotationKeys } from '../../server/ops/rotateKey';
import { envFrom, withDbOptions } from './options';

/**
 * `tandem rotate-key`: seals every secret at rest again with SECRET_KEY, opening the old ones with
 * SECRET_KEY_PREVIOUS (or, in embedded mode, the generated DATA_DIR/secret.key). Runs in-process
 * (ADR 0004); in embedded mode the running server must be stopped first (the data folder is locked).
 */
export function rotateKeyCommand(program: Command) {
  withDbOptions(program.command('rotate-key').description('Re-encrypt channel credentials, two-factor seeds and OAuth verifiers with SECRET_KEY (old key in SECRET_KEY_PREVIOUS)')).action(async (opts) => {
    const env = envFrom(opts);
    const keys = rotationKeys({ secretKey: env.SECRET_KEY, previousKey: env.SECRET_KEY_PREVIOUS, databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    try {
      await migrate(database);
      const r = await resealSecrets(database.db, keys.box);
      for (const [what, c] of [['channel credentials', r.channelCredentials], ['two-factor seeds', r.totpSeeds], ['OAuth verifiers', r.oauthVerifiers], ['OAuth app secrets', r.oauthApps]] as const) {
        console.log(`${what}: ${c.resealed} re-encrypted, ${c.current} already on the current key`);
      }
      const wrote = keys.afterCommit();
      if (wrote) console.log(`The new key is now in ${wrote}.`);
      console.log(env.SECRET_KEY_PREVIOUS ? 'Done. Remove SECRET_KEY_PREVIOUS from the configuration of every process and restart them.' : 'Done.');
    } finally {
      await database.close();
    }
  });
}
