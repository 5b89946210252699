import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communities } from '../../../db/schema';
import { notFound } from '../../../errors';

/** The workspace's community; NOT_FOUND until the team has set it up. */
export async function findCommunity(db: Db, workspaceId: string) {
  const [row] = await db.select().from(communities).where(eq(communities.workspaceId, workspaceId));
  if (!row) throw notFound('That community');
  return row;
}
