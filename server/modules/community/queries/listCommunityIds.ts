import type { Db } from '../../../db/client';
import { communities } from '../../../db/schema';

/** Every set-up community (for robots.txt's sitemap lines). */
export async function listCommunityIds(db: Db): Promise<string[]> {
  const rows = await db.select({ id: communities.workspaceId }).from(communities).orderBy(communities.createdAt).limit(1000);
  return rows.map((r) => r.id);
}
