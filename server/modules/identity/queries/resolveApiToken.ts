import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Auth } from '../../../context';
import type { Db } from '../../../db/client';
import { apiTokens, users } from '../../../db/schema';
import { sha256 } from '../../../crypto';

export const TOKEN_PREFIX = 'tdm_';

/** The person and scopes behind a bearer token, or null when unknown, revoked or expired. */
export async function resolveApiToken(db: Db, bearer: string): Promise<Auth | null> {
  if (!bearer.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({ id: apiTokens.id, workspaceId: apiTokens.workspaceId, scopes: apiTokens.scopes, lastUsedAt: apiTokens.lastUsedAt, userId: users.id, userName: users.name })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, sha256(bearer)), isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, new Date()))));
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.id));
  }
  return { userId: row.userId, userName: row.userName, via: 'token', token: { id: row.id, workspaceId: row.workspaceId, scopes: row.scopes } };
}
