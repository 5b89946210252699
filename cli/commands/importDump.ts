import type { Command } from 'commander';
import { z } from 'zod';
import { openDatabase } from '../../server/db/client';
import { migrate } from '../../server/db/migrate';
import { AppError } from '../../server/errors';
import { importStackExchange, type ImportProgress } from '../../server/modules/community';
import { envFrom, userError, withDbOptions } from './options';

/** A bar redrawn in place on a terminal; elsewhere (logs, CI) a line every few seconds and one per finished file. */
export function progressReporter(out: NodeJS.WriteStream, now: () => number = Date.now) {
  let lastLine = 0;
  return (p: ImportProgress) => {
    const pct = p.totalBytes ? Math.min(100, Math.round((p.bytes / p.totalBytes) * 100)) : 100;
    if (out.isTTY) {
      const width = 30;
      const filled = Math.round((pct / 100) * width);
      out.write(`\r${p.file.padEnd(9)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}%  ${p.rows} rows`);
      if (p.done) out.write('\n');
    } else if (p.done || now() - lastLine >= 5000) {
      lastLine = now();
      out.write(`${p.file}.xml: ${p.rows} rows, ${pct}%${p.done ? ' (done)' : ''}\n`);
    }
  };
}

export function importCommand(program: Command) {
  const imp = program.command('import').description('Bring content from elsewhere into Tandem');
  withDbOptions(imp.command('stackexchange <folder>').description("Import one Stack Exchange site's dump folder (Users, Posts, Comments, Votes, Badges .xml) into a community as a Q&A space; safe to run again"))
    .requiredOption('--community <workspace id>', 'the workspace whose community receives the site')
    .action(async (folder: string, opts) => {
      const id = z.uuid().safeParse(opts.community);
      if (!id.success) throw userError(`--community takes a workspace id (a UUID); "${opts.community}" is not one.`);
      const env = envFrom(opts);
      const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
      try {
        await migrate(database);
        const result = await importStackExchange({ db: database.db, workspaceId: id.data, folder, onProgress: progressReporter(process.stderr) }).catch((err: unknown) => {
          throw err instanceof AppError ? userError(err.message) : err;
        });
        const counts = Object.entries(result.counts)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ');
        console.log(`Imported ${result.site} into space ${result.spaceId}: ${counts || 'nothing new'}.`);
        console.log(`${result.rowsRead} rows read in ${result.seconds.toFixed(1)} s (${result.rowsPerSecond} rows/s).`);
      } finally {
        await database.close();
      }
    });
}
