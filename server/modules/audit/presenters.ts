import type { auditLog } from '../../db/schema';

type Row = typeof auditLog.$inferSelect;

export function presentAuditEntry(r: Row) {
  return {
    id: String(r.id),
    action: r.action,
    actorName: r.actorName,
    targetType: r.targetType,
    targetId: r.targetId,
    ip: r.ip,
    data: r.data,
    createdAt: r.createdAt.toISOString(),
  };
}
