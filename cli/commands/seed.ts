import type { Command } from 'commander';
import { openDatabase } from '../../server/db/client';
import { migrate } from '../../server/db/migrate';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from '../../server/seed/demo';
import { envFrom, userError, withDbOptions } from './options';

export function seedCommand(program: Command) {
  withDbOptions(program.command('seed').description('Load sample data'))
    .option('--demo', 'the Caffè Aurora demo workspace, one user per role')
    .action(async (opts) => {
      if (!opts.demo) throw userError('Say what to seed: tandem seed --demo');
      const env = envFrom(opts);
      const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
      try {
        await migrate(database);
        if (!(await seedDemo(database.db))) throw userError('The database already has users; the demo is only seeded into an empty one.');
        console.log(`Seeded Caffè Aurora. Password for every demo user: ${DEMO_PASSWORD}`);
        for (const p of DEMO_PEOPLE) console.log(`  ${p.email.padEnd(28)} ${p.roles.join(', ')}`);
      } finally {
        await database.close();
      }
    });
}
