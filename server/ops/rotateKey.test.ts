import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../crypto';
import { openDatabase } from '../db/client';
import { channels, oauthApps, oauthStates, users, workspaces } from '../db/schema';
import { ApiClient, signUpUser } from '../test/apiClient';
import { testDbKind } from '../test/testDatabase';
import { startTestTandem, type TestTandem } from '../test/testServer';
import { resealSecrets } from './rotateKey';

/** Key rotation: every sealed value moves to the new key in one transaction, on both databases. */
const hex = () => randomBytes(32).toString('hex');
let t: TestTandem;
let owner: ApiClient;
let ownerId: string;
let ws: string;

beforeAll(async () => {
  t = await startTestTandem({ ENABLE_SINK_CONNECTOR: 'true' });
  const o = await signUpUser(t.baseUrl, 'Owner');
  owner = o.client;
  ownerId = o.userId;
  ws = (await owner.post('/api/workspaces', { name: 'Keys' })).body.id;
});
afterAll(async () => t?.stop());

describe('resealSecrets', () => {
  it('re-encrypts channel credentials, TOTP seeds and OAuth verifiers with the new key, all or nothing', async () => {
    const old = t.ctx.secrets;
    const db = t.database.db;
    const ch = (await owner.post(`/api/workspaces/${ws}/channels`, { network: 'sink', credentials: { account: 'rotating' } })).body.id as string;
    await db.update(users).set({ totpSecretEnc: old.seal('JBSWY3DPEHPK3PXP') }).where(eq(users.id, ownerId));
    await db.insert(oauthStates).values({ stateHash: 'rotation-test', workspaceId: ws, userId: ownerId, network: 'sink-oauth', codeVerifierSealed: old.seal('the-verifier'), expiresAt: new Date(Date.now() + 600_000) });
    const [app] = await db.insert(oauthApps).values({ network: 'mastodon', server: 'https://mastodon.example', redirectUri: 'https://tandem.example/api/oauth/callback', clientId: 'cid', clientSecretSealed: old.seal('the-app-secret') }).returning();

    const newKey = hex();
    // A value no key opens stops the rotation, and nothing has moved.
    const stray = new SecretBox(hex()).seal('nobody knows');
    await db.insert(oauthStates).values({ stateHash: 'stray', workspaceId: ws, userId: ownerId, network: 'sink-oauth', codeVerifierSealed: stray, expiresAt: new Date(Date.now() + 600_000) });
    const before = (await db.select({ s: channels.authSealed }).from(channels).where(eq(channels.id, ch)))[0]!.s;
    await expect(resealSecrets(db, new SecretBox(newKey, [exportKey(old)]))).rejects.toThrow(/cannot be opened with SECRET_KEY nor SECRET_KEY_PREVIOUS/);
    expect((await db.select({ s: channels.authSealed }).from(channels).where(eq(channels.id, ch)))[0]!.s).toBe(before);
    await db.delete(oauthStates).where(eq(oauthStates.stateHash, 'stray'));

    const report = await resealSecrets(db, new SecretBox(newKey, [exportKey(old)]));
    expect(report.channelCredentials.resealed).toBeGreaterThanOrEqual(1);
    expect(report.totpSeeds).toEqual({ resealed: 1, current: 0 });
    expect(report.oauthVerifiers).toEqual({ resealed: 1, current: 0 });
    expect(report.oauthApps).toEqual({ resealed: 1, current: 0 });

    // Only the new key is needed now.
    const fresh = new SecretBox(newKey);
    const [c] = await db.select().from(channels).where(eq(channels.id, ch));
    expect(JSON.parse(fresh.open(c!.authSealed))).toEqual({ account: 'rotating' });
    expect(fresh.open((await db.select().from(users).where(eq(users.id, ownerId)))[0]!.totpSecretEnc!)).toBe('JBSWY3DPEHPK3PXP');
    expect(fresh.open((await db.select().from(oauthStates).where(eq(oauthStates.stateHash, 'rotation-test')))[0]!.codeVerifierSealed!)).toBe('the-verifier');
    expect(fresh.open((await db.select().from(oauthApps).where(eq(oauthApps.id, app!.id)))[0]!.clientSecretSealed)).toBe('the-app-secret');
    expect(() => old.open(c!.authSealed)).toThrow();

    // Running it again changes nothing.
    const again = await resealSecrets(db, new SecretBox(newKey, [exportKey(old)]));
    expect(again.channelCredentials.resealed + again.totpSeeds.resealed + again.oauthVerifiers.resealed).toBe(0);
    expect(again.totpSeeds.current).toBe(1);
  });

  it('opens old values with SECRET_KEY_PREVIOUS while a rotation is under way', () => {
    const a = hex();
    const b = hex();
    const sealedWithA = new SecretBox(a).seal('token');
    const box = new SecretBox(b, [a]);
    expect(box.open(sealedWithA)).toBe('token');
    expect(box.isCurrent(sealedWithA)).toBe(false);
    expect(box.isCurrent(box.seal('x'))).toBe(true);
    expect(() => new SecretBox(b).open(sealedWithA)).toThrow();
  });
});

/** The test server's key, read back from its box (the server never exposes it otherwise). */
function exportKey(box: SecretBox): string {
  return (box as unknown as { key: Buffer }).key.toString('hex');
}

const BIN = new URL('../../cli/bin.js', import.meta.url).pathname;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe.runIf(testDbKind() === 'pglite')('tandem rotate-key (embedded)', () => {
  it('moves everything to SECRET_KEY, the generated key file included, and reports counts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-rotate-'));
    dirs.push(dir);
    const tandem = (env: Record<string, string>, ...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', SECRET_KEY: '', SECRET_KEY_PREVIOUS: '', ...env } });
    expect(tandem({}, 'user', 'create', '--email', 'k@example.test', '--name', 'K', '--password', 'a long password', '--workspace', 'Keys', '--data-dir', dir).status).toBe(0);
    // The first start generates DATA_DIR/secret.key; seal a channel with it as the server would.
    const { resolveSecretKey } = await import('../secretKey');
    const fileKey = resolveSecretKey({ dataDir: dir });
    const database = await openDatabase({ dataDir: dir });
    try {
      const [w] = await database.db.select().from(workspaces);
      await database.db.insert(channels).values({ workspaceId: w!.id, network: 'sink', name: 'Old key', accountId: 'sink:old', accountHandle: 'old', authSealed: new SecretBox(fileKey).seal(JSON.stringify({ account: 'old' })) });
    } finally {
      await database.close();
    }

    const newKey = hex();
    const run = tandem({ SECRET_KEY: newKey }, 'rotate-key', '--data-dir', dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/channel credentials: 1 re-encrypted, 0 already on the current key/);
    expect(readFileSync(join(dir, 'secret.key'), 'utf8').trim()).toBe(newKey);

    const check = await openDatabase({ dataDir: dir });
    try {
      const [c] = await check.db.select().from(channels);
      expect(JSON.parse(new SecretBox(newKey).open(c!.authSealed))).toEqual({ account: 'old' });
    } finally {
      await check.close();
    }
    // Now the key file alone opens everything: nothing left to do.
    const again = tandem({}, 'rotate-key', '--data-dir', dir);
    expect(again.stdout).toMatch(/channel credentials: 0 re-encrypted, 1 already on the current key/);
  }, 300_000);
});
