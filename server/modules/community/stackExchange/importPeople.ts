import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityMemberBadges, communityMembers } from '../../../db/schema';
import { handleBase } from '../handles';
import type { DumpRow } from './dumpReader';
import { recordExternalIds } from './externalIds';
import { bump, type ImportState } from './importPosts';
import { seDate, seHtmlToText } from './seText';

/**
 * Dumps carry no emails. Imported members get an address under the reserved `.invalid` top-level
 * domain (RFC 2606: it never resolves, so nothing is ever delivered), unique per site and user id,
 * and no password: they cannot sign in until a password is set for them.
 */
export const placeholderEmail = (site: string, userId: string) => `se-${userId.replace('-', 'm')}@${site}.import.invalid`;

const TIERS: Record<string, 'gold' | 'silver' | 'bronze'> = { '1': 'gold', '2': 'silver', '3': 'bronze' };

export async function importUserRows(db: Db, s: ImportState, rows: DumpRow[]): Promise<void> {
  const members: (typeof communityMembers.$inferInsert)[] = [];
  const mapped: { externalId: string; localId: string }[] = [];
  s.handles ??= new Set((await db.select({ handle: communityMembers.handle }).from(communityMembers).where(eq(communityMembers.workspaceId, s.key.workspaceId))).map((r) => r.handle));
  for (const { attrs: a } of rows) {
    const id = a.Id!;
    if (s.members.has(id)) {
      bump(s, 'membersAlreadyImported');
      continue;
    }
    const memberId = randomUUID();
    const displayName = (a.DisplayName ?? '').trim().slice(0, 60) || `user${id}`;
    const base = handleBase(displayName);
    let handle = base;
    for (let n = 2; s.handles.has(handle); n++) handle = `${base}${n}`;
    s.handles.add(handle);
    members.push({
      id: memberId,
      workspaceId: s.key.workspaceId,
      email: placeholderEmail(s.key.site, id),
      passwordHash: null,
      displayName,
      handle,
      bio: seHtmlToText(a.AboutMe ?? '').slice(0, 1000),
      joinedAt: seDate(a.CreationDate) ?? new Date(),
    });
    s.members.set(id, memberId);
    mapped.push({ externalId: id, localId: memberId });
    bump(s, 'members');
  }
  await db.transaction(async (tx) => {
    if (members.length) await tx.insert(communityMembers).values(members);
    await recordExternalIds(tx, s.key, 'user', mapped);
  });
}

export async function importBadgeRows(db: Db, s: ImportState, rows: DumpRow[], seen: Map<string, string>): Promise<void> {
  const badges: (typeof communityMemberBadges.$inferInsert)[] = [];
  const mapped: { externalId: string; localId: string }[] = [];
  for (const { attrs: a } of rows) {
    const id = a.Id!;
    if (seen.has(id)) {
      bump(s, 'badgesAlreadyImported');
      continue;
    }
    const memberId = a.UserId ? s.members.get(a.UserId) : undefined;
    if (!memberId || !a.Name) {
      bump(s, 'badgesWithoutMember');
      continue;
    }
    const badgeId = randomUUID();
    badges.push({ id: badgeId, workspaceId: s.key.workspaceId, memberId, name: a.Name.slice(0, 100), tier: TIERS[a.Class ?? ''] ?? 'bronze', awardedAt: seDate(a.Date) ?? new Date() });
    seen.set(id, badgeId);
    mapped.push({ externalId: id, localId: badgeId });
    bump(s, 'badges');
  }
  await db.transaction(async (tx) => {
    if (badges.length) await tx.insert(communityMemberBadges).values(badges);
    await recordExternalIds(tx, s.key, 'badge', mapped);
  });
}
