import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { campaigns, posts } from '../../../db/schema';
import { presentCampaign } from '../presenters';

/** The workspace's campaigns by name, each with how many posts belong to it. */
export async function listCampaigns(db: Db, workspaceId: string) {
  const rows = await db
    .select({ campaign: campaigns, postCount: sql<number>`count(${posts.id})::int` })
    .from(campaigns)
    .leftJoin(posts, and(eq(posts.campaignId, campaigns.id), eq(posts.workspaceId, workspaceId)))
    .where(eq(campaigns.workspaceId, workspaceId))
    .groupBy(campaigns.id)
    .orderBy(asc(sql`lower(${campaigns.name})`), asc(campaigns.createdAt));
  return rows.map((r) => presentCampaign(r.campaign, Number(r.postCount)));
}
