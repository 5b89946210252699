import type { Command } from 'commander';
import { openDatabase } from '../../server/db/client';
import { migrate } from '../../server/db/migrate';
import { envFrom, withDbOptions } from './options';

export function migrateCommand(program: Command) {
  withDbOptions(program.command('migrate').description('Apply database migrations (start does this too)')).action(async (opts) => {
    const env = envFrom(opts);
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    try {
      await migrate(database);
      console.log('Migrations applied.');
    } finally {
      await database.close();
    }
  });
}
