#!/usr/bin/env node
// The one test command (npm test): typecheck, lint, the suite on PGlite and on PostgreSQL, then
// end-to-end journeys in Chromium. Missing PostgreSQL or Chromium is a skip locally, a failure under CI=true.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';

const CI = process.env.CI === 'true';
const pgUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const failures = [];
const skipped = [];
const counts = { passed: 0, failed: 0, skipped: 0 };
const REPORTS = '.tandem-test/reports';
mkdirSync(REPORTS, { recursive: true });

/** Adds a vitest JSON report's numbers to the closing line. */
function countVitest(file) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  counts.passed += r.numPassedTests;
  counts.failed += r.numFailedTests;
  counts.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}

/** Adds a node:test TAP report's numbers to the closing line. */
function countTap(file) {
  if (!existsSync(file)) return;
  const tap = readFileSync(file, 'utf8');
  const n = (k) => Number(new RegExp(`^# ${k} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  counts.passed += n('pass');
  counts.failed += n('fail') + n('cancelled');
  counts.skipped += n('skipped') + n('todo');
}

function step(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) failures.push(name);
  return r.status === 0;
}

async function postgresReachable() {
  const c = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch (err) {
    return err.message;
  }
}

const only = process.argv.slice(2);
const want = (s) => only.length === 0 || only.includes(s);

if (want('typecheck')) step('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
if (want('lint')) step('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
const vitest = (kind) => ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/vitest-${kind}.json`];
if (want('pglite')) {
  step('tests on PGlite', 'npx', vitest('pglite'), { TANDEM_TEST_DB: 'pglite' });
  countVitest(`${REPORTS}/vitest-pglite.json`);
}
if (want('postgres')) {
  const ok = await postgresReachable();
  if (ok === true) {
    step('tests on PostgreSQL', 'npx', vitest('postgres'), { TANDEM_TEST_DB: 'postgres', TEST_DATABASE_URL: pgUrl });
    countVitest(`${REPORTS}/vitest-postgres.json`);
  }
  else if (CI) failures.push(`PostgreSQL unreachable at ${pgUrl} (${ok})`);
  else skipped.push(`tests on PostgreSQL: SKIPPED, no server at ${pgUrl} (${ok}); set TEST_DATABASE_URL to run them`);
}
if (want('e2e')) {
  if (existsSync(chromium)) {
    if (step('build web app', 'npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'])) {
      // Node 20 finds no *.e2e.ts files by itself: name them.
      const e2eFiles = readdirSync('e2e').filter((f) => f.endsWith('.e2e.ts')).sort().map((f) => `e2e/${f}`);
      const tap = `${REPORTS}/e2e.tap`;
      step('end-to-end journeys', 'node', ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...e2eFiles], { CHROMIUM_PATH: chromium });
      countTap(tap);
    }
  } else if (CI) failures.push(`Chromium not found at ${chromium}`);
  else skipped.push(`end-to-end journeys: SKIPPED, no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`);
}

console.log('\n=== summary');
for (const s of skipped) console.log(`- ${s}`);
if (failures.length) console.log(`FAILED: ${failures.join('; ')}`);
else console.log('All test steps passed.');
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failures.length ? 1 : 0);
