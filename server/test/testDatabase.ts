import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { testEnv } from '../env';

export type TestDbKind = 'pglite' | 'postgres';

/** Which database this test run targets: scripts/test.js runs the suite once per kind. */
export function testDbKind(): TestDbKind {
  return testEnv().dbKind;
}

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh, empty PostgreSQL database for one test file; dropped by the returned function. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = testEnv().testDatabaseUrl ?? DEFAULT_TEST_DATABASE_URL;
  const name = `tandem_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
