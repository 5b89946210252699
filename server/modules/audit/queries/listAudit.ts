import { and, desc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { auditLog, workspaceMembers } from '../../../db/schema';

export interface ListAuditOptions {
  db: Db;
  workspaceId: string;
  before?: number;
  limit: number;
}

/** The workspace's own entries plus account-level ones (sign-ins, 2FA) of its members, newest first. */
export async function listAudit({ db, workspaceId, before, limit }: ListAuditOptions) {
  const members = db.select({ id: workspaceMembers.userId }).from(workspaceMembers).where(eq(workspaceMembers.workspaceId, workspaceId));
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        or(eq(auditLog.workspaceId, workspaceId), and(isNull(auditLog.workspaceId), inArray(auditLog.actorUserId, members))),
        before ? lt(auditLog.id, before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { entries: page, nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
