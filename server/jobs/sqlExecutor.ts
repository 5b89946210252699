import { type SQL, sql } from 'drizzle-orm';
import type { Db, SqlExecutor } from '../db/client';

/**
 * Runs pg-boss's positional-parameter SQL ($1, $2 …) through a Drizzle database or transaction,
 * so a job can be enqueued atomically with the rows that caused it. On PGlite this is also what
 * avoids a self-deadlock: a second connection does not exist there.
 */
export function executorFor(db: Db): SqlExecutor {
  return {
    async executeSql(text, values = []) {
      const result = await db.execute(toSql(text, values));
      return { rows: Array.isArray(result) ? result : (result as { rows: unknown[] }).rows };
    },
  };
}

function toSql(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 0) chunks.push(sql.raw(part));
    else chunks.push(sql`${values[Number(part) - 1] ?? null}`);
  });
  return sql.join(chunks, sql.raw(''));
}
