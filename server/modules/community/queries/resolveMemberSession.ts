import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityMembers, communitySessions } from '../../../db/schema';
import { sha256 } from '../../../crypto';
import type { MemberViewer } from '../policies';

const TOUCH_EVERY_MS = 5 * 60_000;

/** The member behind a community session cookie, in this community only; null when unknown or expired. */
export async function resolveMemberSession(db: Db, workspaceId: string, cookie: string): Promise<MemberViewer | null> {
  const [row] = await db
    .select({ sessionId: communitySessions.id, csrfToken: communitySessions.csrfToken, lastSeenAt: communitySessions.lastSeenAt, member: communityMembers })
    .from(communitySessions)
    .innerJoin(communityMembers, eq(communityMembers.id, communitySessions.memberId))
    .where(and(eq(communitySessions.tokenHash, sha256(cookie)), eq(communitySessions.workspaceId, workspaceId), gt(communitySessions.expiresAt, new Date())));
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(communitySessions).set({ lastSeenAt: sql`now()`, expiresAt: sql`now() + interval '30 days'` }).where(eq(communitySessions.id, row.sessionId));
  }
  return { kind: 'member', workspaceId, member: row.member, sessionId: row.sessionId, csrfToken: row.csrfToken };
}
