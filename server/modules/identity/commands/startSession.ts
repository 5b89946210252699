import type { Db } from '../../../db/client';
import { sessions } from '../../../db/schema';
import { randomToken, sha256 } from '../../../crypto';
import type { RequestMeta } from '../../../context';

export const SESSION_DAYS = 30;

/** Returns the cookie value; only its hash is stored. */
export async function startSession(db: Db, userId: string, meta: RequestMeta): Promise<{ cookie: string; sessionId: string; csrfToken: string }> {
  const cookie = randomToken();
  const csrfToken = randomToken(24);
  const [row] = await db
    .insert(sessions)
    .values({
      tokenHash: sha256(cookie),
      userId,
      csrfToken,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
    })
    .returning({ id: sessions.id });
  return { cookie, sessionId: row!.id, csrfToken };
}
