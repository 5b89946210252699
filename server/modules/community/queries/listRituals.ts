import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityRituals } from '../../../db/schema';
import { presentRitual } from '../presenters';

export async function listRituals(db: Db, workspaceId: string) {
  const rows = await db.select().from(communityRituals).where(eq(communityRituals.workspaceId, workspaceId)).orderBy(asc(communityRituals.createdAt), asc(communityRituals.id));
  return { rituals: rows.map(presentRitual) };
}
