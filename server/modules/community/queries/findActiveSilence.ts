import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communitySilences } from '../../../db/schema';

/** The member's silence in force (not lifted, end ahead or none), if any. */
export async function findActiveSilence(db: Db, workspaceId: string, memberId: string) {
  const [row] = await db
    .select()
    .from(communitySilences)
    .where(
      and(
        eq(communitySilences.workspaceId, workspaceId),
        eq(communitySilences.memberId, memberId),
        isNull(communitySilences.liftedAt),
        or(isNull(communitySilences.endsAt), gt(communitySilences.endsAt, sql`now()`)),
      ),
    )
    .orderBy(desc(communitySilences.startsAt))
    .limit(1);
  return row ?? null;
}
