import type { Db } from '../../../db/client';
import { auditLog } from '../../../db/schema';

export interface RecordAuditOptions {
  db: Db;
  action: string;
  workspaceId?: string | null;
  actor?: { userId: string; userName: string } | null;
  target?: { type: string; id: string };
  ip?: string | null;
  data?: Record<string, unknown>;
}

/** Append one entry; call it inside the transaction of the action it records. */
export async function recordAudit(opts: RecordAuditOptions): Promise<void> {
  await opts.db.insert(auditLog).values({
    action: opts.action,
    workspaceId: opts.workspaceId ?? null,
    actorUserId: opts.actor?.userId ?? null,
    actorName: opts.actor?.userName ?? null,
    targetType: opts.target?.type ?? null,
    targetId: opts.target?.id ?? null,
    ip: opts.ip ?? null,
    data: opts.data ?? {},
  });
}
