import type { Db } from '../../../db/client';
import { communitySessions } from '../../../db/schema';
import { randomToken, sha256 } from '../../../crypto';
import type { RequestMeta } from '../../../context';

export const MEMBER_SESSION_DAYS = 30;

/** Returns the cookie value; only its hash is stored. */
export async function startMemberSession(db: Db, workspaceId: string, memberId: string, meta: RequestMeta) {
  const cookie = randomToken();
  const csrfToken = randomToken(24);
  const [row] = await db
    .insert(communitySessions)
    .values({ tokenHash: sha256(cookie), workspaceId, memberId, csrfToken, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) ?? null, expiresAt: new Date(Date.now() + MEMBER_SESSION_DAYS * 86_400_000) })
    .returning({ id: communitySessions.id });
  return { cookie, sessionId: row!.id, csrfToken };
}
