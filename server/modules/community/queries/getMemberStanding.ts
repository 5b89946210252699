import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityFlags, communityMembers, communityPosts } from '../../../db/schema';
import { notFound } from '../../../errors';
import { findActiveSilence } from './findActiveSilence';

export async function findMember(db: Db, workspaceId: string, memberId: string) {
  const [member] = await db.select().from(communityMembers).where(and(eq(communityMembers.workspaceId, workspaceId), eq(communityMembers.id, memberId)));
  if (!member) throw notFound('That member');
  return member;
}

/** What the moderators need to know about a member: trust level, silence in force, flags on their posts. */
export async function getMemberStanding(db: Db, workspaceId: string, memberId: string) {
  const member = await findMember(db, workspaceId, memberId);
  const silence = await findActiveSilence(db, workspaceId, member.id);
  const [flags] = await db
    .select({
      open: sql<number>`count(*) filter (where ${communityFlags.status} = 'pending')::int`,
      agreed: sql<number>`count(*) filter (where ${communityFlags.status} = 'agreed')::int`,
    })
    .from(communityFlags)
    .innerJoin(communityPosts, eq(communityPosts.id, communityFlags.postId))
    .where(and(eq(communityFlags.workspaceId, workspaceId), eq(communityPosts.authorMemberId, member.id)));
  return {
    memberId: member.id,
    displayName: member.displayName,
    trustLevel: member.trustLevel,
    silenced: !!silence,
    silencedUntil: silence?.endsAt?.toISOString() ?? null,
    silenceReason: silence ? silence.reason || null : null,
    flagsOpen: Number(flags?.open ?? 0),
    flagsAgreed: Number(flags?.agreed ?? 0),
  };
}
