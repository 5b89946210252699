import { accessSync, constants, existsSync, readFileSync, statfsSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EnvError, readEnv, testEnv, type Env } from '../env';
import { repoRoot, formatBytes } from './backupFormat';
import { embeddedDatabaseChecks, isDataDirLocked, journalEntries, secretKeyChecks, serverDatabaseChecks } from './doctorDatabase';
import { findPgTool, redactUrl } from './pgTools';

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'info';

export interface DoctorCheck {
  id: string;
  title: string;
  status: CheckStatus;
  detail: string;
  /** What to do about a warning or failure. */
  fix?: string;
}

export interface DoctorReport {
  mode: 'embedded' | 'server' | null;
  checks: DoctorCheck[];
  /** False when any check failed; warnings do not count. */
  ok: boolean;
}

export interface DoctorOptions {
  /** Command-line values, which win over the environment (as for every command). */
  overrides?: Partial<Record<keyof Env, string>>;
  /** Environment to read; defaults to the process's (tests pass their own). */
  envSource?: NodeJS.ProcessEnv;
  /** The Tandem checkout to inspect; defaults to this one. */
  root?: string;
}

const MIN_FREE_FAIL = 200 * 1024 ** 2;
const MIN_FREE_WARN = 1024 ** 3;

/** Every check, in order; nothing is changed except a probe file in the data folder. */
export async function runDoctor(opts: DoctorOptions = {}): Promise<DoctorReport> {
  const root = opts.root ?? repoRoot;
  const checks: DoctorCheck[] = [nodeCheck(root), dependencyCheck(root), webCheck(root)];
  let env: Env | null = null;
  try {
    env = opts.envSource ? readEnv(opts.overrides, opts.envSource) : readEnv(opts.overrides);
    checks.push({ id: 'config', title: 'Configuration', status: 'ok', detail: 'environment and flags are valid' });
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    checks.push({ id: 'config', title: 'Configuration', status: 'fail', detail: err.problems.join('; '), fix: 'fix these variables (see docs or tandem --help)' });
  }
  let mode: DoctorReport['mode'] = null;
  if (env) {
    const known = journalEntries(root);
    if (env.DATABASE_URL) {
      mode = 'server';
      const db = await serverDatabaseChecks(env.DATABASE_URL, known);
      checks.push(...db.checks, secretKeyChecks({ embedded: false, dataDir: env.DATA_DIR, secretKeySet: !!env.SECRET_KEY }), smtpCheck(env), pgDumpCheck(true, db.major));
    } else {
      mode = 'embedded';
      const dataDir = env.DATA_DIR === 'memory://' ? env.DATA_DIR : resolve(env.DATA_DIR);
      const dirChecks = await dataDirChecks(dataDir);
      checks.push(...dirChecks.checks);
      if (dirChecks.usable) checks.push(...(await embeddedDatabaseChecks(dataDir, dirChecks.locked, known)));
      checks.push(secretKeyChecks({ embedded: true, dataDir, secretKeySet: !!env.SECRET_KEY }), smtpCheck(env), pgDumpCheck(false, null));
    }
  }
  checks.push(chromiumCheck());
  return { mode, checks, ok: !checks.some((c) => c.status === 'fail') };
}

function nodeCheck(root: string): DoctorCheck {
  const pkg = readPackage(root);
  const wanted = /(\d+)\.(\d+)/.exec(pkg.engines?.node ?? '') ?? ['', '20', '19'];
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  const okVersion = major > Number(wanted[1]) || (major === Number(wanted[1]) && minor >= Number(wanted[2]));
  return okVersion
    ? { id: 'node', title: 'Node.js', status: 'ok', detail: `v${process.versions.node} (needs ${pkg.engines?.node ?? '>=20.19'})` }
    : { id: 'node', title: 'Node.js', status: 'fail', detail: `v${process.versions.node}, needs ${pkg.engines?.node}`, fix: 'install Node.js 22 LTS (or at least the version above)' };
}

function dependencyCheck(root: string): DoctorCheck {
  const deps = Object.keys(readPackage(root).dependencies ?? {});
  const missing = deps.filter((d) => !existsSync(join(root, 'node_modules', d, 'package.json')));
  return missing.length
    ? { id: 'deps', title: 'Dependencies', status: 'fail', detail: `missing: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`, fix: 'run npm ci' }
    : { id: 'deps', title: 'Dependencies', status: 'ok', detail: `${deps.length} packages installed` };
}

function webCheck(root: string): DoctorCheck {
  return existsSync(join(root, 'web/dist/index.html'))
    ? { id: 'web', title: 'Web app', status: 'ok', detail: 'built (web/dist)' }
    : { id: 'web', title: 'Web app', status: 'warn', detail: 'not built: only the API will be served', fix: 'run npm run build:web (npm start does it for you)' };
}

async function dataDirChecks(dataDir: string): Promise<{ checks: DoctorCheck[]; usable: boolean; locked: boolean }> {
  const title = 'Data folder';
  if (dataDir === 'memory://') return { checks: [{ id: 'dataDir', title, status: 'info', detail: 'in memory: nothing is kept after exit' }], usable: false, locked: false };
  const existing = nearestExisting(dataDir);
  const checks: DoctorCheck[] = [];
  let usable = false;
  try {
    accessSync(existing, constants.W_OK);
    if (existing === dataDir) {
      const probe = join(dataDir, `.doctor-${process.pid}`);
      writeFileSync(probe, 'probe');
      unlinkSync(probe);
    }
    usable = true;
    checks.push({ id: 'dataDir', title, status: 'ok', detail: existing === dataDir ? `${dataDir} is writable` : `${dataDir} will be created on first start (${existing} is writable)` });
  } catch (err) {
    checks.push({ id: 'dataDir', title, status: 'fail', detail: `${existing} is not writable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, fix: `give the user running Tandem write access to ${dataDir}, or choose another --data-dir` });
  }
  let locked = false;
  if (usable && existing === dataDir) {
    locked = await isDataDirLocked(dataDir);
    checks.push(
      locked
        ? { id: 'lock', title: 'Data folder lock', status: 'info', detail: 'locked: Tandem is running on this folder (stop it before backup or restore)' }
        : { id: 'lock', title: 'Data folder lock', status: 'ok', detail: 'not locked (no Tandem running on it)' },
    );
  }
  const fs = statfsSync(existing);
  const free = fs.bavail * fs.bsize;
  const detail = `${formatBytes(free)} free`;
  if (free < MIN_FREE_FAIL) checks.push({ id: 'disk', title: 'Disk space', status: 'fail', detail, fix: 'free some space: the embedded database needs room to grow and to vacuum' });
  else if (free < MIN_FREE_WARN) checks.push({ id: 'disk', title: 'Disk space', status: 'warn', detail, fix: 'less than 1 GB left for the database and its backups' });
  else checks.push({ id: 'disk', title: 'Disk space', status: 'ok', detail });
  return { checks, usable, locked };
}

function smtpCheck(env: Env): DoctorCheck {
  if (env.SMTP_URL) return { id: 'smtp', title: 'Email', status: 'ok', detail: `SMTP ${redactUrl(env.SMTP_URL)}, from ${env.MAIL_FROM}` };
  return { id: 'smtp', title: 'Email', status: 'warn', detail: 'outbox mode: emails are written to DATA_DIR/outbox (readable at /dev/outbox), nobody receives them', fix: 'set SMTP_URL=smtp(s)://user:pass@host:port to send real email' };
}

function pgDumpCheck(serverMode: boolean, serverMajor: number | null): DoctorCheck {
  const tool = findPgTool('pg_dump');
  const title = 'pg_dump';
  if (!tool) {
    return serverMode
      ? { id: 'pgDump', title, status: 'warn', detail: 'not found: tandem backup cannot back up a PostgreSQL server', fix: 'install postgresql-client (same major as the server, or newer)' }
      : { id: 'pgDump', title, status: 'info', detail: 'not found (only needed to back up a PostgreSQL server)' };
  }
  if (serverMajor !== null && tool.major < serverMajor) {
    return { id: 'pgDump', title, status: 'warn', detail: `${tool.version} is older than the server (${serverMajor}) and will refuse to dump it`, fix: `install postgresql-client-${serverMajor}` };
  }
  return { id: 'pgDump', title, status: serverMode ? 'ok' : 'info', detail: `${tool.version} at ${tool.path}` };
}

function chromiumCheck(): DoctorCheck {
  const path = testEnv().chromiumPath;
  return existsSync(path)
    ? { id: 'chromium', title: 'Chromium', status: 'info', detail: `${path} (used only by the end-to-end tests)` }
    : { id: 'chromium', title: 'Chromium', status: 'info', detail: `not at ${path}: end-to-end tests will be skipped (CHROMIUM_PATH to point elsewhere)` };
}

function nearestExisting(path: string): string {
  let p = path;
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  return p;
}

function readPackage(root: string): { engines?: { node?: string }; dependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
}
