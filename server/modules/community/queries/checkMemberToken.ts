import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityMemberTokens } from '../../../db/schema';
import { sha256 } from '../../../crypto';

/** Whether an emailed link still works and what it does, without using it (the page shows the right form). */
export async function checkMemberToken(db: Db, workspaceId: string, token: string, page: 'reset' | 'magic') {
  const [row] = await db
    .select()
    .from(communityMemberTokens)
    .where(and(eq(communityMemberTokens.workspaceId, workspaceId), eq(communityMemberTokens.tokenHash, sha256(token)), inArray(communityMemberTokens.purpose, page === 'reset' ? ['reset'] : ['magic', 'join'])));
  if (!row || row.usedAt || row.expiresAt <= new Date()) return { valid: false, kind: null, expiresAt: null };
  return { valid: true, kind: row.purpose === 'magic' ? ('signin' as const) : row.purpose, expiresAt: row.expiresAt.toISOString() };
}
