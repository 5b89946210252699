import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { backupEmbedded } from '../../server/ops/backupEmbedded';
import { formatBytes } from '../../server/ops/backupFormat';
import { backupServer } from '../../server/ops/backupServer';
import { restoreEmbedded } from '../../server/ops/restoreEmbedded';
import { isPgDumpCustom, restoreServer } from '../../server/ops/restoreServer';
import { redactUrl } from '../../server/ops/pgTools';
import { envFrom, userError, withDbOptions } from './options';

export function backupCommand(program: Command) {
  withDbOptions(program.command('backup').description('Back up the database (embedded: stop Tandem first; PostgreSQL: pg_dump, may run live)'))
    .requiredOption('--out <file>', 'where to write the backup (embedded: a .tar.gz; PostgreSQL: pg_dump custom format)')
    .action(async (opts) => {
      const env = envFrom(opts);
      if (env.DATABASE_URL) {
        const r = await backupServer({ databaseUrl: env.DATABASE_URL, out: opts.out });
        console.log(`Backed up PostgreSQL ${r.serverVersion} at ${redactUrl(env.DATABASE_URL)} to ${r.out} (${formatBytes(r.bytes)}, pg_dump ${r.pgDumpVersion} custom format).`);
        console.log('Restore it with: tandem restore --in FILE --database-url URL (or pg_restore).');
        console.log('This backup does NOT contain SECRET_KEY. Keep that key with the backup: without it, secrets sealed in the database (two-factor secrets) cannot be read after a restore.');
        return;
      }
      const r = await backupEmbedded({ dataDir: env.DATA_DIR, out: opts.out });
      const m = r.manifest;
      console.log(`Backed up the embedded database in ${resolve(env.DATA_DIR)} to ${r.out} (${formatBytes(r.bytes)}).`);
      console.log(`  PostgreSQL ${m.postgresVersion} (PGlite ${m.pgliteVersion}), Tandem ${m.tandemVersion}, ${m.migrationsApplied} migrations, ${m.tables['public.users'] ?? 0} users, ${Object.keys(m.tables).length} tables.`);
      if (env.SECRET_KEY) {
        console.log('SECRET_KEY is set, so secrets are sealed with it rather than secret.key: keep SECRET_KEY with this backup, or sealed secrets are unreadable after a restore.');
      } else if (m.secretKeyIncluded) {
        console.log('The backup includes secret.key, which unseals secrets stored in the database: keep the file as private as the key itself.');
      } else {
        console.log(`WARNING: ${resolve(env.DATA_DIR, 'secret.key')} was not found, so the backup has no key. Secrets sealed in the database (two-factor secrets) will be unreadable after a restore unless you keep the original key.`);
      }
    });
}

export function restoreCommand(program: Command) {
  withDbOptions(program.command('restore').description('Restore a backup made by tandem backup (stop Tandem first)'))
    .requiredOption('--in <file>', 'the backup file')
    .option('--force', 'replace an existing database (embedded: the old one is moved aside, not deleted)')
    .action(async (opts) => {
      const env = envFrom(opts);
      const input = resolve(opts.in);
      if (!existsSync(input)) throw userError(`No such file: ${input}`);
      const pgDump = isPgDumpCustom(input);
      if (env.DATABASE_URL) {
        if (!pgDump) {
          throw userError(`${input} is not a pg_dump file. An embedded backup cannot be restored into PostgreSQL directly: see "Moving from embedded to PostgreSQL" in docs/OPERATIONS.md.`);
        }
        const r = await restoreServer({ input, databaseUrl: env.DATABASE_URL, force: opts.force });
        console.log(`Restored ${input} into PostgreSQL ${r.serverVersion} at ${redactUrl(env.DATABASE_URL)}: ${r.users} users.`);
        console.log('Start Tandem with the SECRET_KEY the backed-up installation used, or sealed secrets (two-factor secrets) stay unreadable.');
        return;
      }
      if (pgDump) throw userError(`${input} is a PostgreSQL (pg_dump) backup: restore it with --database-url URL. The embedded database cannot load pg_dump files.`);
      const r = await restoreEmbedded({ input, dataDir: env.DATA_DIR, force: opts.force });
      console.log(`Restored ${input} (made ${r.manifest.createdAt} by Tandem ${r.manifest.tandemVersion}) into ${r.dataDir}.`);
      console.log(`  Verified: it opens (PostgreSQL ${r.postgresVersion}), every table has the row count the backup recorded, ${r.users} users.`);
      for (const moved of r.movedAside) console.log(`  The previous copy was moved to ${moved} (delete it once you are happy).`);
      if (r.secretKeyRestored) console.log('  secret.key restored.');
      else console.log('WARNING: the backup had no secret.key: secrets sealed in the database (two-factor secrets) can only be read with the original key (SECRET_KEY or secret.key).');
    });
}
