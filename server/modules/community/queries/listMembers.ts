import { and, desc, eq, ilike } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityMembers } from '../../../db/schema';
import { presentProfile } from '../presenters';

/** The community's members for the team (to invite them to private spaces), newest first. */
export async function listMembers(db: Db, workspaceId: string, query: { q?: string }) {
  const byName = query.q ? ilike(communityMembers.displayName, `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`) : undefined;
  const rows = await db.select().from(communityMembers).where(and(eq(communityMembers.workspaceId, workspaceId), byName)).orderBy(desc(communityMembers.joinedAt)).limit(200);
  return { members: rows.map(presentProfile) };
}
