import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityRituals } from '../../../db/schema';
import { notFound } from '../../../errors';

export async function findRitual(db: Db, workspaceId: string, ritualId: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(communityRituals).where(and(eq(communityRituals.workspaceId, workspaceId), eq(communityRituals.id, ritualId)));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw notFound('That ritual');
  return row;
}
