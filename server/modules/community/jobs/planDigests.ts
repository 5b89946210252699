import { and, eq, inArray, notExists, sql } from 'drizzle-orm';
import { communityDigestSends, communityMembers } from '../../../db/schema';
import { z } from 'zod';
import { defineJob } from '../../../jobs/defineJob';
import { digestPeriod } from '../digestPeriods';
import { sendDigest } from './sendDigest';

/**
 * Hourly: one `community.sendDigest` job per member whose digest (daily or weekly) has not gone out
 * for the current period yet. A member with nothing to read gets no email and is looked at again
 * the next hour, so a digest can still go out later in the same period, but never a second one.
 */
export const planDigests = defineJob({
  id: 'community.planDigests',
  payload: z.object({}).passthrough(),
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  cron: '7 * * * *',
  async handler(_payload, { db, jobs }) {
    const now = new Date();
    const daily = digestPeriod('daily', now);
    const weekly = digestPeriod('weekly', now);
    const digest = sql<string>`${communityMembers.notificationPrefs}->>'digest'`;
    const periodOf = sql<string>`case ${digest} when 'daily' then ${daily}::text else ${weekly}::text end`;
    const rows = await db
      .select({ id: communityMembers.id, period: periodOf })
      .from(communityMembers)
      .where(
        and(
          inArray(digest, ['daily', 'weekly']),
          notExists(db.select({ one: sql`1` }).from(communityDigestSends).where(and(eq(communityDigestSends.memberId, communityMembers.id), eq(communityDigestSends.period, periodOf)))),
        ),
      );
    for (const r of rows) await jobs.enqueue(db, sendDigest, { memberId: r.id, period: r.period }, { singletonKey: `${r.id}:${r.period}` });
  },
});
