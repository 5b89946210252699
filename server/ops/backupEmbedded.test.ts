import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { lockDataDir } from '../db/lock';
import { migrate } from '../db/migrate';
import { users } from '../db/schema';
import { createUser } from '../modules/identity';
import { resolveSecretKey } from '../secretKey';
import { testDbKind } from '../test/testDatabase';
import { backupEmbedded } from './backupEmbedded';
import { journalEntries } from './doctorDatabase';
import { readTarGz, writeTarGz } from './tarball';
import { readEmbeddedBackup, restoreEmbedded } from './restoreEmbedded';

// The embedded database only exists in the PGlite run; the PostgreSQL run covers backupServer.
describe.runIf(testDbKind() === 'pglite')('embedded backup and restore', () => {
  let tmp: string;
  let source: string;
  let userId: string;
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'tandem-backup-'));
    source = join(tmp, 'source');
    const database = await openDatabase({ dataDir: source });
    try {
      await migrate(database);
      userId = (await createUser({ db: database.db, email: 'Giulia@Example.test', name: 'Giulia', password: 'long enough pass' })).id;
    } finally {
      await database.close();
    }
    resolveSecretKey({ dataDir: source }); // what start does: generates DATA_DIR/secret.key
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('round trip: backs up, restores into another folder, and the user and secret.key come back', async () => {
    const file = join(tmp, 'backup.tar.gz');
    const b = await backupEmbedded({ dataDir: source, out: file });
    expect(b.manifest).toMatchObject({ format: 'tandem-embedded-backup', formatVersion: 1, secretKeyIncluded: true, migrationsApplied: journalEntries() });
    expect(b.manifest.postgresVersion).toMatch(/^\d+\.\d+/);
    expect(b.manifest.tables['public.users']).toBe(1);
    expect(b.bytes).toBeGreaterThan(1000);
    expect(existsSync(join(source, 'tandem.lock'))).toBe(false); // released

    const target = join(tmp, 'target');
    const r = await restoreEmbedded({ input: file, dataDir: target });
    expect(r).toMatchObject({ users: 1, secretKeyRestored: true, movedAside: [] });
    expect(readFileSync(join(target, 'secret.key')).equals(readFileSync(join(source, 'secret.key')))).toBe(true);

    const database = await openDatabase({ dataDir: target });
    try {
      const [u] = await database.db.select().from(users).where(eq(users.id, userId));
      expect(u).toMatchObject({ email: 'giulia@example.test', name: 'Giulia' });
    } finally {
      await database.close();
    }

    // A folder holding a database is only replaced with force, and the old copy is kept aside.
    await expect(restoreEmbedded({ input: file, dataDir: target })).rejects.toThrow(/already holds a database.*--force/);
    writeFileSync(join(target, 'secret.key'), 'f'.repeat(64));
    const forced = await restoreEmbedded({ input: file, dataDir: target, force: true });
    expect(forced.movedAside).toHaveLength(2);
    expect(readdirSync(target).filter((f) => f.startsWith('pg.before-restore-'))).toHaveLength(1);
    expect(readFileSync(forced.movedAside[1]!, 'utf8')).toBe('f'.repeat(64));
    expect(readFileSync(join(target, 'secret.key')).equals(readFileSync(join(source, 'secret.key')))).toBe(true);
  });

  it('refuses to back up or restore while the data folder is locked (Tandem running)', async () => {
    const release = await lockDataDir(source);
    try {
      await expect(backupEmbedded({ dataDir: source, out: join(tmp, 'locked.tar.gz') })).rejects.toThrow(/Tandem is running.*Stop Tandem first/);
      expect(existsSync(join(tmp, 'locked.tar.gz'))).toBe(false);
    } finally {
      await release();
    }
    const file = join(tmp, 'for-locked.tar.gz');
    await backupEmbedded({ dataDir: source, out: file });
    const target = join(tmp, 'locked-target');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(target);
    const releaseTarget = await lockDataDir(target);
    try {
      await expect(restoreEmbedded({ input: file, dataDir: target })).rejects.toThrow(/Stop Tandem first/);
      expect(existsSync(join(target, 'pg'))).toBe(false);
    } finally {
      await releaseTarget();
    }
  });

  it('refuses a folder with no database, and a damaged backup', async () => {
    await expect(backupEmbedded({ dataDir: join(tmp, 'nothing'), out: join(tmp, 'x.tar.gz') })).rejects.toThrow(/No embedded database/);
    expect(existsSync(join(tmp, 'nothing'))).toBe(false); // never initialises an empty database

    const file = join(tmp, 'backup.tar.gz');
    const members = await readTarGz(readFileSync(file));
    members.set('secret.key', Buffer.from('0'.repeat(64)));
    const tampered = join(tmp, 'tampered.tar.gz');
    writeFileSync(tampered, await writeTarGz([...members].map(([name, data]) => ({ name, data }))));
    await expect(readEmbeddedBackup(tampered)).rejects.toThrow(/damaged: secret\.key/);
    // A restore that fails verification puts the previous database and key back.
    const manifest = JSON.parse(members.get('manifest.json')!.toString());
    manifest.tables['public.users'] = 5;
    members.set('secret.key', readFileSync(join(source, 'secret.key')));
    members.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
    const lying = join(tmp, 'lying.tar.gz');
    writeFileSync(lying, await writeTarGz([...members].map(([name, data]) => ({ name, data }))));
    const target = join(tmp, 'rollback-target');
    await restoreEmbedded({ input: file, dataDir: target });
    writeFileSync(join(target, 'secret.key'), 'e'.repeat(64));
    await expect(restoreEmbedded({ input: lying, dataDir: target, force: true })).rejects.toThrow(/does not match the backup's manifest.*public\.users: 1 rows, expected 5/);
    expect(readdirSync(target).sort()).toEqual(['pg', 'secret.key']);
    expect(readFileSync(join(target, 'secret.key'), 'utf8')).toBe('e'.repeat(64));

    writeFileSync(join(tmp, 'junk.tar.gz'), 'not a backup');
    await expect(restoreEmbedded({ input: join(tmp, 'junk.tar.gz'), dataDir: join(tmp, 'junk-target') })).rejects.toThrow(/not a Tandem embedded backup/);
  });
});
