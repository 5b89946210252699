import { spawn, spawnSync } from 'node:child_process';
import pg from 'pg';
import { childProcessEnv } from '../env';
import { OpsError } from './errors';

/** pg_dump / pg_restore from PATH (package postgresql-client), and the facts needed to use them safely. */
export type PgTool = 'pg_dump' | 'pg_restore';

export interface ToolInfo {
  path: string;
  version: string;
  major: number;
}

/** The tool's version, or null when it is not on PATH. */
export function findPgTool(tool: PgTool): ToolInfo | null {
  const r = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  const m = /\)\s*(\d+)(?:\.(\d+))?/.exec(r.stdout) ?? /(\d+)\.(\d+)/.exec(r.stdout);
  if (!m) return null;
  const where = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
  return { path: where.stdout.trim() || tool, version: m[2] ? `${m[1]}.${m[2]}` : m[1]!, major: Number(m[1]) };
}

export function requirePgTool(tool: PgTool): ToolInfo {
  const found = findPgTool(tool);
  if (!found) throw new OpsError(`${tool} was not found on PATH. Install postgresql-client (the same major version as your PostgreSQL server, or newer), e.g. apt-get install postgresql-client.`);
  return found;
}

export interface ServerFacts {
  version: string;
  major: number;
  /** Tables outside the system schemas. */
  tables: number;
  /** Other sessions on this database right now (a running Tandem shows up here). */
  otherConnections: number;
}

export async function serverFacts(url: string): Promise<ServerFacts> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (err) {
    throw new OpsError(`Cannot connect to the database at ${redactUrl(url)}: ${(err as Error).message}`);
  }
  try {
    const v = await client.query<{ server_version: string; num: string }>(`SELECT current_setting('server_version') AS server_version, current_setting('server_version_num') AS num`);
    const t = await client.query<{ n: string }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`);
    const c = await client.query<{ n: string }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    return { version: v.rows[0]!.server_version.split(' ')[0]!, major: Math.floor(Number(v.rows[0]!.num) / 10_000), tables: Number(t.rows[0]!.n), otherConnections: Number(c.rows[0]!.n) };
  } finally {
    await client.end();
  }
}

/** Refuse a client older than the server: pg_dump would stop with "server version mismatch". */
export function checkToolFitsServer(tool: ToolInfo, name: PgTool, server: ServerFacts) {
  if (tool.major < server.major) {
    throw new OpsError(`${name} ${tool.version} cannot work with PostgreSQL ${server.version}: install postgresql-client-${server.major} (or newer) and make sure it comes first on PATH.`);
  }
}

/**
 * How to start a PostgreSQL client tool against `databaseUrl` without the password on the command line
 * (where `ps` shows it to every user of the machine): --dbname gets the URL without its password, and the
 * child gets the password as PGPASSWORD in its environment.
 */
export function pgToolInvocation(databaseUrl: string, args: string[]): { args: string[]; env: NodeJS.ProcessEnv } {
  let u: URL;
  try {
    u = new URL(databaseUrl);
  } catch {
    throw new OpsError('The database URL cannot be parsed: expected postgres://user:password@host:port/database.');
  }
  // libpq also takes the password as a query parameter (?password=...); that one wins over the user-info part.
  const fromQuery = u.searchParams.get('password');
  const password = fromQuery ?? (u.password ? percentDecode(u.password) : undefined);
  u.password = '';
  // Drop the query's password pairs by hand: re-serialising searchParams would turn %20 into +, which libpq reads literally.
  if (fromQuery !== null) u.search = u.search.slice(1).split('&').filter((pair) => percentDecode(pair.split('=')[0]!) !== 'password').join('&');
  const env = childProcessEnv();
  if (password !== undefined) env.PGPASSWORD = password;
  return { args: [`--dbname=${u.toString()}`, ...args], env };
}

function percentDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // a stray % that is not an escape: libpq takes it as it is
  }
}

/** Run a PostgreSQL client tool on `databaseUrl` (see pgToolInvocation); rejects with its own stderr on failure. */
export function runPgTool(tool: PgTool, databaseUrl: string, args: string[]): Promise<{ stderr: string }> {
  const invocation = pgToolInvocation(databaseUrl, args);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(tool, invocation.args, { stdio: ['ignore', 'ignore', 'pipe'], env: invocation.env });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (err) => reject(new OpsError(`${tool} could not start: ${err.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolvePromise({ stderr });
      else reject(new OpsError(`${tool} failed (exit ${code}):\n${stderr.trim()}`));
    });
  });
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}
