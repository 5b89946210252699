import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob } from '../../../jobs/defineJob';

/** PGlite has no autovacuum: without this the job tables bloat. PostgreSQL vacuums by itself. */
export const vacuumEmbedded = defineJob({
  id: 'system.vacuumEmbedded',
  payload: z.object({}).passthrough(),
  retry: { limit: 1, delaySeconds: 60, backoff: false },
  cron: '17 * * * *',
  async handler(_payload, { db, embedded, log }) {
    if (!embedded) return;
    const started = Date.now();
    await db.execute(sql`VACUUM (ANALYZE)`);
    log.info({ ms: Date.now() - started }, 'vacuumed embedded database');
  },
});
