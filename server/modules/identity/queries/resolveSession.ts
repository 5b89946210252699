import { and, eq, gt, sql } from 'drizzle-orm';
import type { Auth } from '../../../context';
import type { Db } from '../../../db/client';
import { sessions, users } from '../../../db/schema';
import { sha256 } from '../../../crypto';

const TOUCH_EVERY_MS = 5 * 60_000;

/** The signed-in person behind a session cookie, or null when it is unknown or expired. */
export async function resolveSession(db: Db, cookie: string): Promise<Auth | null> {
  const [row] = await db
    .select({ sessionId: sessions.id, csrfToken: sessions.csrfToken, lastSeenAt: sessions.lastSeenAt, userId: users.id, userName: users.name })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sha256(cookie)), gt(sessions.expiresAt, new Date())));
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: sql`now()`, expiresAt: sql`now() + interval '30 days'` }).where(eq(sessions.id, row.sessionId));
  }
  return { userId: row.userId, userName: row.userName, via: 'session', sessionId: row.sessionId, csrfToken: row.csrfToken };
}
