import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { workspaceMembers } from '../../db/schema';
import { AppError } from '../../errors';

/** A conversation can be given only to a member of its workspace (anyone else would never see it). */
export async function assertAssignable(db: Db, workspaceId: string, userId: string): Promise<void> {
  const [m] = await db.select({ userId: workspaceMembers.userId }).from(workspaceMembers).where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)));
  if (!m) throw new AppError('VALIDATION_FAILED', 'Assign the conversation to a member of this workspace.', { fields: { assigneeId: 'Not a member of this workspace.' } });
}
