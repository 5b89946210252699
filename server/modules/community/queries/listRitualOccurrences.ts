import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityRitualOccurrences } from '../../../db/schema';
import { presentOccurrence } from '../presenters';
import { findRitual } from './findRitual';

/** The occurrences a ritual has posted, latest first (the latest 50). */
export async function listRitualOccurrences(db: Db, workspaceId: string, ritualId: string) {
  const ritual = await findRitual(db, workspaceId, ritualId);
  const rows = await db
    .select()
    .from(communityRitualOccurrences)
    .where(and(eq(communityRitualOccurrences.workspaceId, workspaceId), eq(communityRitualOccurrences.ritualId, ritual.id)))
    .orderBy(desc(communityRitualOccurrences.occursAt))
    .limit(50);
  return { occurrences: rows.map((o) => ({ ...presentOccurrence(o.occursAt, ritual.timeZone), threadId: o.threadId, postedAt: o.createdAt.toISOString() })) };
}
