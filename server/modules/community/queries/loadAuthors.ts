import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityMembers, users } from '../../../db/schema';

export interface Authors {
  members: Map<string, { id: string; displayName: string; avatarUrl: string | null; trustLevel: number }>;
  users: Map<string, string>;
}

/** Names (and avatars) of the authors of some threads or posts, in one query per kind. */
export async function loadAuthors(db: Db, workspaceId: string, rows: { authorMemberId: string | null; authorUserId: string | null }[]): Promise<Authors> {
  const memberIds = [...new Set(rows.map((r) => r.authorMemberId).filter((id): id is string => !!id))];
  const userIds = [...new Set(rows.map((r) => r.authorUserId).filter((id): id is string => !!id))];
  const members = memberIds.length
    ? await db
        .select({ id: communityMembers.id, displayName: communityMembers.displayName, avatarUrl: communityMembers.avatarUrl, trustLevel: communityMembers.trustLevel })
        .from(communityMembers)
        .where(and(eq(communityMembers.workspaceId, workspaceId), inArray(communityMembers.id, memberIds)))
    : [];
  const names = userIds.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds)) : [];
  return { members: new Map(members.map((m) => [m.id, m])), users: new Map(names.map((u) => [u.id, u.name])) };
}
