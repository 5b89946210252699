import type { Command } from 'commander';
import { z } from 'zod';
import { Email, Password } from '../../shared/contracts/common';
import { openDatabase } from '../../server/db/client';
import { migrate } from '../../server/db/migrate';
import { createUser } from '../../server/modules/identity';
import { createWorkspace } from '../../server/modules/workspaces';
import { envFrom, userError, withDbOptions } from './options';

const Input = z.object({ email: Email, password: Password, name: z.string().trim().min(1).max(120) });

export function userCommand(program: Command) {
  const user = program.command('user').description('Manage accounts');
  withDbOptions(user.command('create').description('Create an account (and optionally a workspace it owns)'))
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .requiredOption('--password <password>', 'at least 10 characters')
    .option('--workspace <name>', 'also create a workspace owned by this user')
    .action(async (opts) => {
      const parsed = Input.safeParse({ email: opts.email, name: opts.name, password: opts.password });
      if (!parsed.success) throw userError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
      const env = envFrom(opts);
      const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
      try {
        await migrate(database);
        const u = await createUser({ db: database.db, ...parsed.data }).catch((err: Error) => {
          throw userError(err.message);
        });
        console.log(`Created ${u.email} (${u.id}).`);
        if (opts.workspace) {
          const w = await createWorkspace({ db: database.db, user: { userId: u.id, userName: u.name }, name: opts.workspace, meta: { ip: null, userAgent: 'cli' } });
          console.log(`Created workspace "${w.name}" (${w.id}) owned by ${u.email}.`);
        }
      } finally {
        await database.close();
      }
    });
}
