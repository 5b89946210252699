import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ConversationChanges } from '../../../../shared/contracts/inbox';
import type { Actor } from '../../../context';
import type { Db } from '../../../db/client';
import { inboxConversations } from '../../../db/schema';
import { recordAudit } from '../../audit';
import { assertAssignable } from '../policies';

type Row = typeof inboxConversations.$inferSelect;
export type Changes = z.infer<typeof ConversationChanges>;

/**
 * Applies a team member's changes to one locked conversation row inside the caller's transaction:
 * bumps the version, and records assignment changes in the audit log. Returns the row as saved.
 */
export async function applyConversationChanges(tx: Db, actor: Actor, before: Row, changes: Changes): Promise<Row> {
  const assigning = changes.assigneeId !== undefined && changes.assigneeId !== before.assigneeId;
  if (assigning && changes.assigneeId) await assertAssignable(tx, actor.workspaceId, changes.assigneeId);
  const [row] = await tx
    .update(inboxConversations)
    .set({
      ...(changes.assigneeId !== undefined && { assigneeId: changes.assigneeId }),
      ...(changes.status !== undefined && { status: changes.status }),
      ...(changes.priority !== undefined && { priority: changes.priority }),
      ...(changes.tags !== undefined && { tags: [...new Set(changes.tags)] }),
      ...(changes.snoozedUntil !== undefined && { snoozedUntil: changes.snoozedUntil === null ? null : new Date(changes.snoozedUntil) }),
      version: sql`${inboxConversations.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(inboxConversations.id, before.id))
    .returning();
  if (assigning) {
    await recordAudit({
      db: tx,
      action: changes.assigneeId ? 'inbox.conversation.assigned' : 'inbox.conversation.unassigned',
      workspaceId: actor.workspaceId,
      actor,
      target: { type: 'inbox_conversation', id: before.id },
      ip: actor.ip,
      data: { from: before.assigneeId, to: changes.assigneeId },
    });
  }
  return row!;
}
