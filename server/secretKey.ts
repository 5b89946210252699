import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/**
 * The key that seals secrets at rest. Server mode must be given one (all processes share it);
 * embedded mode keeps a generated one beside its data, readable by the owner only.
 */
export function resolveSecretKey(opts: { secretKey?: string; databaseUrl?: string; dataDir: string }): string {
  if (opts.secretKey) return opts.secretKey;
  if (opts.databaseUrl) throw new Error('SECRET_KEY is required with DATABASE_URL (every process must share it). Generate one with: openssl rand -hex 32');
  if (opts.dataDir === 'memory://') return randomBytes(32).toString('hex');
  const file = join(opts.dataDir, 'secret.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}
