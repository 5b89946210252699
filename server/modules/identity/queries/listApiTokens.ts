import { and, desc, eq } from 'drizzle-orm';
import { rolesAllow } from '../../../../shared/permissions';
import type { Actor } from '../../../context';
import type { Db } from '../../../db/client';
import { apiTokens, users } from '../../../db/schema';

/** Own tokens; a workspace owner sees everyone's. */
export async function listApiTokens(db: Db, actor: Actor) {
  const all = rolesAllow(actor.roles, 'tokens.manageAll');
  const rows = await db
    .select({ t: apiTokens, ownerName: users.name })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.workspaceId, actor.workspaceId), all ? undefined : eq(apiTokens.userId, actor.userId)))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map((r) => ({ ...r.t, ownerName: r.ownerName }));
}
