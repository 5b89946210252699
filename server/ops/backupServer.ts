import { statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkToolFitsServer, redactUrl, requirePgTool, runPgTool, serverFacts } from './pgTools';

export interface ServerBackupResult {
  out: string;
  bytes: number;
  serverVersion: string;
  pgDumpVersion: string;
}

/**
 * pg_dump --format=custom of the whole database: restorable with `tandem restore` or pg_restore.
 * pg_dump takes a consistent snapshot, so Tandem may keep running. SECRET_KEY is not in it.
 */
export async function backupServer(opts: { databaseUrl: string; out: string }): Promise<ServerBackupResult> {
  const out = resolve(opts.out);
  const tool = requirePgTool('pg_dump');
  const server = await serverFacts(opts.databaseUrl);
  checkToolFitsServer(tool, 'pg_dump', server);
  const tmp = `${out}.partial-${process.pid}`;
  try {
    // The connection string goes on the command line (visible to local `ps` while pg_dump runs).
    await runPgTool('pg_dump', opts.databaseUrl, ['--format=custom', '--no-password', `--file=${tmp}`]);
    await rename(tmp, out);
  } catch (err) {
    await rm(tmp, { force: true });
    (err as Error).message = (err as Error).message.replaceAll(opts.databaseUrl, redactUrl(opts.databaseUrl));
    throw err;
  }
  return { out, bytes: statSync(out).size, serverVersion: server.version, pgDumpVersion: tool.version };
}
