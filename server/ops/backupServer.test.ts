import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { migrate } from '../db/migrate';
import { users } from '../db/schema';
import { createUser } from '../modules/identity';
import { createPostgresDatabase, testDbKind } from '../test/testDatabase';
import { backupServer } from './backupServer';
import { restoreServer } from './restoreServer';

describe.runIf(testDbKind() === 'postgres')('PostgreSQL backup and restore (pg_dump / pg_restore)', () => {
  let source: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let target: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let tmp: string;
  beforeAll(async () => {
    [source, target] = await Promise.all([createPostgresDatabase(), createPostgresDatabase()]);
    tmp = mkdtempSync(join(tmpdir(), 'tandem-pgbackup-'));
  });
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('round trip into a second database, refusing a non-empty target without force', async () => {
    const src = await openDatabase({ databaseUrl: source.url, dataDir: 'memory://' });
    try {
      await migrate(src);
      await createUser({ db: src.db, email: 'marco@example.test', name: 'Marco', password: 'long enough pass' });
    } finally {
      await src.close();
    }

    const file = join(tmp, 'tandem.dump');
    const b = await backupServer({ databaseUrl: source.url, out: file });
    expect(b.bytes).toBeGreaterThan(1000);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP');

    expect(await restoreServer({ input: file, databaseUrl: target.url })).toMatchObject({ users: 1 });
    const dst = await openDatabase({ databaseUrl: target.url, dataDir: 'memory://' });
    try {
      const rows = await dst.db.select().from(users);
      expect(rows.map((u) => [u.email, u.name])).toEqual([['marco@example.test', 'Marco']]);
    } finally {
      await dst.close();
    }

    await expect(restoreServer({ input: file, databaseUrl: target.url })).rejects.toThrow(/already has \d+ tables.*--force/);
    expect(await restoreServer({ input: file, databaseUrl: target.url, force: true })).toMatchObject({ users: 1 });
  });

  it('says so when the file is not a pg_dump archive, and hides the password in errors', async () => {
    await expect(restoreServer({ input: join(import.meta.dirname, 'tarball.ts'), databaseUrl: target.url })).rejects.toThrow(/not a pg_dump custom-format file/);
    const url = new URL(source.url);
    url.password = 'hunter2-secret';
    url.port = '1';
    const err = await backupServer({ databaseUrl: url.toString(), out: join(tmp, 'never.dump') }).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/Cannot connect/);
    expect((err as Error).message).not.toContain('hunter2-secret');
  });
});
