import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityMembers } from '../../../db/schema';
import type { MemberViewer } from '../policies';
import { presentMe } from '../presenters';

/** The member read the guidelines: they may post from now on. The first acknowledgement is kept. */
export async function acknowledgeGuidelines(db: Db, viewer: MemberViewer) {
  await db
    .update(communityMembers)
    .set({ guidelinesAcknowledgedAt: sql`now()` })
    .where(and(eq(communityMembers.id, viewer.member.id), isNull(communityMembers.guidelinesAcknowledgedAt)));
  const [row] = await db.select().from(communityMembers).where(eq(communityMembers.id, viewer.member.id));
  return presentMe(row!, viewer.csrfToken);
}
