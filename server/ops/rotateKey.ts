import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, isNotNull, ne } from 'drizzle-orm';
import { SecretBox } from '../crypto';
import type { Db } from '../db/client';
import { channels, oauthApps, oauthStates, users } from '../db/schema';
import { OpsError } from './errors';

export interface ResealCounts {
  /** Sealed with an old key, now sealed with the current one. */
  resealed: number;
  /** Already sealed with the current key. */
  current: number;
}

export interface RotationReport {
  channelCredentials: ResealCounts;
  totpSeeds: ResealCounts;
  oauthVerifiers: ResealCounts;
  /** Client secrets of the OAuth apps Tandem registered on instance-based networks' servers. */
  oauthApps: ResealCounts;
}

/**
 * Seals every secret at rest again with the box's current key: channel credentials, two-factor seeds,
 * the PKCE verifiers of OAuth flows in progress and the secrets of OAuth apps registered per server. One transaction: either all of them move to the
 * new key or none does (a value no key opens stops it, naming the row). Values already sealed with
 * the current key are left as they are, so running it twice is harmless.
 */
export async function resealSecrets(db: Db, box: SecretBox): Promise<RotationReport> {
  return db.transaction(async (tx) => {
    const reseal = async (what: string, rows: { id: string; sealed: string | null }[], write: (id: string, sealed: string) => Promise<unknown>): Promise<ResealCounts> => {
      const counts = { resealed: 0, current: 0 };
      for (const r of rows) {
        if (!r.sealed) continue;
        if (box.isCurrent(r.sealed)) {
          counts.current++;
          continue;
        }
        let plain: string;
        try {
          plain = box.open(r.sealed);
        } catch {
          throw new OpsError(`The ${what} of ${r.id} cannot be opened with SECRET_KEY nor SECRET_KEY_PREVIOUS; nothing was changed. Set SECRET_KEY_PREVIOUS to the key it was sealed with and run rotate-key again.`);
        }
        await write(r.id, box.seal(plain));
        counts.resealed++;
      }
      return counts;
    };
    const channelRows = await tx.select({ id: channels.id, sealed: channels.authSealed }).from(channels).where(ne(channels.authSealed, '')).for('update');
    const channelCredentials = await reseal('credentials of channel', channelRows, (id, sealed) => tx.update(channels).set({ authSealed: sealed }).where(eq(channels.id, id)));
    const userRows = await tx.select({ id: users.id, sealed: users.totpSecretEnc }).from(users).where(isNotNull(users.totpSecretEnc)).for('update');
    const totpSeeds = await reseal('two-factor seed of user', userRows, (id, sealed) => tx.update(users).set({ totpSecretEnc: sealed }).where(eq(users.id, id)));
    const flowRows = await tx.select({ id: oauthStates.stateHash, sealed: oauthStates.codeVerifierSealed }).from(oauthStates).where(isNotNull(oauthStates.codeVerifierSealed)).for('update');
    const oauthVerifiers = await reseal('PKCE verifier of OAuth flow', flowRows, (id, sealed) => tx.update(oauthStates).set({ codeVerifierSealed: sealed }).where(eq(oauthStates.stateHash, id)));
    const appRows = await tx.select({ id: oauthApps.id, sealed: oauthApps.clientSecretSealed }).from(oauthApps).for('update');
    const apps = await reseal('client secret of the OAuth app', appRows, (id, sealed) => tx.update(oauthApps).set({ clientSecretSealed: sealed }).where(eq(oauthApps.id, id)));
    return { channelCredentials, totpSeeds, oauthVerifiers, oauthApps: apps };
  });
}

/**
 * The keys of a rotation. SECRET_KEY is the new key and SECRET_KEY_PREVIOUS the old one; in embedded
 * mode the key Tandem generated in DATA_DIR/secret.key counts as the old one when SECRET_KEY differs,
 * and is replaced by SECRET_KEY once everything is sealed again (`afterCommit`), so later starts
 * without SECRET_KEY keep working.
 */
export function rotationKeys(opts: { secretKey?: string; previousKey?: string; databaseUrl?: string; dataDir: string }): { box: SecretBox; afterCommit(): string | null } {
  const file = !opts.databaseUrl && opts.dataDir !== 'memory://' ? join(opts.dataDir, 'secret.key') : null;
  const fileKey = file && existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
  const current = opts.secretKey ?? fileKey;
  if (!current) throw new OpsError(opts.databaseUrl ? 'Set SECRET_KEY to the new key (and SECRET_KEY_PREVIOUS to the old one) to rotate.' : `No key to rotate to: set SECRET_KEY to the new key (generate one with: openssl rand -hex 32).`);
  const previous = [opts.previousKey, fileKey].filter((k): k is string => Boolean(k) && k !== current);
  return {
    box: new SecretBox(current, previous),
    afterCommit() {
      if (!file || !fileKey || !opts.secretKey || fileKey === opts.secretKey) return null;
      writeFileSync(file, opts.secretKey, { mode: 0o600 });
      return file;
    },
  };
}
