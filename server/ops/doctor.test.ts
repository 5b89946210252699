import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { lockDataDir } from '../db/lock';
import { migrate } from '../db/migrate';
import { createPostgresDatabase, testDbKind } from '../test/testDatabase';
import { repoRoot } from './backupFormat';
import { runDoctor, type DoctorReport } from './doctor';
import { journalEntries } from './doctorDatabase';

const byId = (r: DoctorReport) => Object.fromEntries(r.checks.map((c) => [c.id, c]));

describe.runIf(testDbKind() === 'pglite')('tandem doctor, embedded', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'tandem-doctor-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('passes on a fresh folder: nothing to open yet, migrations will be applied at start', async () => {
    const r = await runDoctor({ overrides: { DATA_DIR: join(tmp, 'fresh') }, envSource: {} });
    const c = byId(r);
    expect(r).toMatchObject({ mode: 'embedded', ok: true });
    expect(c.node!.status).toBe('ok');
    expect(c.deps!.status).toBe('ok');
    expect(['ok', 'warn']).toContain(c.web!.status); // web/dist may not be built in a test checkout
    expect(c.dataDir).toMatchObject({ status: 'ok', detail: expect.stringMatching(/will be created/) });
    expect(c.disk!.status).not.toBe('fail');
    expect(c.migrations).toMatchObject({ status: 'info', detail: `${journalEntries()} will be applied on first start` });
    expect(c.smtp!.status).toBe('warn');
  });

  it('opens an existing database and counts migrations; reports a locked folder as Tandem running', async () => {
    const dataDir = join(tmp, 'db');
    const database = await openDatabase({ dataDir });
    await migrate(database);
    await database.close();

    const r = await runDoctor({ overrides: { DATA_DIR: dataDir }, envSource: {} });
    expect(r.ok).toBe(true);
    expect(byId(r).database).toMatchObject({ status: 'ok', detail: expect.stringMatching(/PostgreSQL \d+/) });
    expect(byId(r).migrations).toMatchObject({ status: 'ok', detail: `all ${journalEntries()} applied` });
    expect(byId(r).lock!.status).toBe('ok');

    const release = await lockDataDir(dataDir);
    try {
      const locked = await runDoctor({ overrides: { DATA_DIR: dataDir }, envSource: {} });
      expect(locked.ok).toBe(true);
      expect(byId(locked).lock).toMatchObject({ status: 'info', detail: expect.stringMatching(/Tandem is running/) });
      expect(byId(locked).database!.status).toBe('info');
    } finally {
      await release();
    }
  });

  it('fails on invalid configuration', async () => {
    const r = await runDoctor({ overrides: { DATA_DIR: tmp }, envSource: { PORT: 'eighty' } });
    expect(r.ok).toBe(false);
    expect(byId(r).config).toMatchObject({ status: 'fail', detail: expect.stringMatching(/PORT/) });
  });

  it('is wired into the CLI: node cli/bin.js doctor exits 0 on a healthy folder', async () => {
    const { stdout } = await promisify(execFile)('node', ['cli/bin.js', 'doctor', '--data-dir', join(tmp, 'cli')], { cwd: repoRoot, timeout: 60_000 });
    expect(stdout).toMatch(/✓ Node\.js/);
    expect(stdout).toMatch(/All checks passed/);
  });
});

describe.runIf(testDbKind() === 'postgres')('tandem doctor, PostgreSQL', () => {
  let pgDb: Awaited<ReturnType<typeof createPostgresDatabase>>;
  beforeAll(async () => {
    pgDb = await createPostgresDatabase();
  });
  afterAll(async () => pgDb?.drop());

  it('reports version, pending migrations and a missing SECRET_KEY', async () => {
    const missingKey = await runDoctor({ overrides: { DATABASE_URL: pgDb.url }, envSource: {} });
    expect(missingKey.mode).toBe('server');
    expect(missingKey.ok).toBe(false);
    expect(byId(missingKey).secretKey!.status).toBe('fail');
    expect(byId(missingKey).database).toMatchObject({ detail: expect.stringMatching(/reachable; PostgreSQL \d+/) });
    expect(byId(missingKey).migrations).toMatchObject({ status: 'warn', detail: `0 of ${journalEntries()} applied, ${journalEntries()} pending` });

    const database = await openDatabase({ databaseUrl: pgDb.url, dataDir: 'memory://' });
    await migrate(database);
    await database.close();
    const r = await runDoctor({ overrides: { DATABASE_URL: pgDb.url, SECRET_KEY: randomBytes(32).toString('hex') }, envSource: {} });
    expect(r.ok).toBe(true);
    expect(byId(r).migrations!.status).toBe('ok');
  });

  it('fails when the server cannot be reached', async () => {
    const r = await runDoctor({ overrides: { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', SECRET_KEY: 'a'.repeat(64) }, envSource: {} });
    expect(r.ok).toBe(false);
    expect(byId(r).database!.status).toBe('fail');
  });
});
