import { and, asc, count, eq, min } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityMemberBadges, communityMembers } from '../../../db/schema';
import { notFound } from '../../../errors';
import { presentProfile } from '../presenters';

/** A member's public profile with their badges, one entry per badge name and tier (counted, first award date). */
export async function getPublicProfile(db: Db, workspaceId: string, memberId: string) {
  const [row] = await db.select().from(communityMembers).where(and(eq(communityMembers.workspaceId, workspaceId), eq(communityMembers.id, memberId)));
  if (!row) throw notFound('That member');
  const badges = await db
    .select({ name: communityMemberBadges.name, tier: communityMemberBadges.tier, count: count(), firstAwardedAt: min(communityMemberBadges.awardedAt) })
    .from(communityMemberBadges)
    .where(and(eq(communityMemberBadges.workspaceId, workspaceId), eq(communityMemberBadges.memberId, row.id)))
    .groupBy(communityMemberBadges.name, communityMemberBadges.tier)
    .orderBy(asc(min(communityMemberBadges.awardedAt)), asc(communityMemberBadges.name));
  return { ...presentProfile(row), badges: badges.map((b) => ({ name: b.name, tier: b.tier, count: Number(b.count), firstAwardedAt: new Date(b.firstAwardedAt!).toISOString() })) };
}
