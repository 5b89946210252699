import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityMembers, communityPersonas, users } from '../../../db/schema';
import type { Viewer } from '../policies';

export interface Authors {
  members: Map<string, { id: string; displayName: string; avatarUrl: string | null; trustLevel: number }>;
  users: Map<string, string>;
  personas: Map<string, { name: string; avatarUrl: string | null }>;
  /** Whether the reader is the team, who may know which team member wrote under a persona. */
  revealWriters: boolean;
}

type AuthoredRow = { authorMemberId: string | null; authorUserId: string | null; personaId?: string | null };

/** Names (and avatars) of the authors of some threads or posts, in one query per kind, for this reader. */
export async function loadAuthors(db: Db, reader: Viewer, rows: AuthoredRow[]): Promise<Authors> {
  const workspaceId = reader.workspaceId;
  const ids = (pick: (r: AuthoredRow) => string | null | undefined) => [...new Set(rows.map(pick).filter((id): id is string => !!id))];
  const memberIds = ids((r) => r.authorMemberId);
  const userIds = ids((r) => r.authorUserId);
  const personaIds = ids((r) => r.personaId);
  const members = memberIds.length
    ? await db
        .select({ id: communityMembers.id, displayName: communityMembers.displayName, avatarUrl: communityMembers.avatarUrl, trustLevel: communityMembers.trustLevel })
        .from(communityMembers)
        .where(and(eq(communityMembers.workspaceId, workspaceId), inArray(communityMembers.id, memberIds)))
    : [];
  const names = userIds.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds)) : [];
  const personas = personaIds.length
    ? await db.select({ id: communityPersonas.id, name: communityPersonas.name, avatarUrl: communityPersonas.avatarUrl }).from(communityPersonas).where(and(eq(communityPersonas.workspaceId, workspaceId), inArray(communityPersonas.id, personaIds)))
    : [];
  return {
    members: new Map(members.map((m) => [m.id, m])),
    users: new Map(names.map((u) => [u.id, u.name])),
    personas: new Map(personas.map((p) => [p.id, p])),
    revealWriters: reader.kind === 'staff',
  };
}
