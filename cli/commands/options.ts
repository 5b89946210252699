import type { Command } from 'commander';
import { readEnv, type Env } from '../../server/env';

export interface DbOptions {
  dataDir?: string;
  databaseUrl?: string;
}

/** The options every database-touching command shares; flags win over the environment. */
export function withDbOptions(cmd: Command): Command {
  return cmd.option('--data-dir <dir>', 'embedded database folder (env DATA_DIR, default ./data)').option('--database-url <url>', 'PostgreSQL server (env DATABASE_URL)');
}

export function envFrom(opts: DbOptions & { port?: string; roles?: string }, extra: Partial<Record<keyof Env, string>> = {}): Env {
  return readEnv({
    ...(opts.dataDir && { DATA_DIR: opts.dataDir }),
    ...(opts.databaseUrl && { DATABASE_URL: opts.databaseUrl }),
    ...(opts.port && { PORT: opts.port }),
    ...(opts.roles && { TANDEM_ROLES: opts.roles }),
    ...extra,
  });
}

/** A mistake the user can fix: printed without a stack. */
export function userError(message: string): Error {
  return Object.assign(new Error(message), { userFacing: true });
}
