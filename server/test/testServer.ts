import { randomBytes } from 'node:crypto';
import { readEnv, type EnvOverrides } from '../env';
import { startTandem, type Tandem } from '../main';
import { createPostgresDatabase, testDbKind } from './testDatabase';

export interface TestTandem extends Tandem {
  baseUrl: string;
  stop(): Promise<void>;
}

/** A real Tandem on a free port and a fresh database of the kind this run targets. */
export async function startTestTandem(overrides: EnvOverrides = {}, opts: { webDist?: string } = {}): Promise<TestTandem> {
  const pgDb = testDbKind() === 'postgres' ? await createPostgresDatabase() : null;
  const env = readEnv(
    {
      PORT: '0',
      DATA_DIR: 'memory://',
      LOG_LEVEL: 'silent',
      DEMO: 'false',
      LOGIN_MAX_PER_MINUTE: '1000',
      ...(pgDb && { DATABASE_URL: pgDb.url, SECRET_KEY: randomBytes(32).toString('hex') }),
      ...overrides,
    },
    {},
  );
  const tandem = await startTandem(env, { webDist: opts.webDist ?? '/nonexistent' });
  const port = new URL(tandem.url!).port;
  return {
    ...tandem,
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      await tandem.close();
      await pgDb?.drop();
    },
  };
}
