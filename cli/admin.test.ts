import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../server/db/client';
import { users, workspaceMembers, workspaces } from '../server/db/schema';
import { testDbKind } from '../server/test/testDatabase';

const BIN = new URL('./bin.js', import.meta.url).pathname;
const dirs: string[] = [];
const tandem = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });

afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe.runIf(testDbKind() === 'pglite')('operator commands', () => {
  it('migrate, seed --demo, user create --workspace, with clear refusals', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-cli-'));
    dirs.push(dir);
    expect(tandem('migrate', '--data-dir', dir).stdout).toMatch(/Migrations applied/);
    const seeded = tandem('seed', '--demo', '--data-dir', dir);
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toMatch(/marta@caffeaurora.demo/);
    const again = tandem('seed', '--demo', '--data-dir', dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already has users/);

    const bad = tandem('user', 'create', '--email', 'not-an-email', '--name', 'X', '--password', 'short', '--data-dir', dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/email/i);
    expect(bad.stderr).toMatch(/10 characters/);

    const ok = tandem('user', 'create', '--email', 'Admin@Example.test', '--name', 'Admin', '--password', 'a long password', '--workspace', 'Agenzia Nodo', '--data-dir', dir);
    expect(ok.status, ok.stderr).toBe(0);
    const dup = tandem('user', 'create', '--email', 'admin@example.test', '--name', 'Admin', '--password', 'a long password', '--data-dir', dir);
    expect(dup.status).toBe(1);
    expect(dup.stderr).toMatch(/already exists/);

    const database = await openDatabase({ dataDir: dir });
    try {
      const [u] = await database.db.select().from(users).where(eq(users.email, 'admin@example.test'));
      expect(u?.passwordHash).toMatch(/^\$argon2id\$/);
      const [m] = await database.db.select({ roles: workspaceMembers.roles, name: workspaces.name }).from(workspaceMembers).innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId)).where(eq(workspaceMembers.userId, u!.id));
      expect(m).toEqual({ roles: ['owner', 'marketing_manager'], name: 'Agenzia Nodo' });
    } finally {
      await database.close();
    }
  }, 300_000);
});
