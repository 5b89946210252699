import pg from 'pg';

/** True, or the reason PostgreSQL cannot be reached (benches then skip their PostgreSQL rows). */
export async function postgresReachable(url: string): Promise<true | string> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch (err) {
    return (err as Error).message;
  }
}

/** pool.end() returns before its sockets close: wait, so dropping the database WITH (FORCE) kills nobody mid-close. */
export async function waitForNoConnections(adminUrl: string, database: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    for (let i = 0; i < 50; i++) {
      const { rows } = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [database]);
      if (rows[0]!.n === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await c.end();
  }
}
