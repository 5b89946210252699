import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../../context';
import { communityThreads } from '../../../db/schema';
import { conflict } from '../../../errors';
import { recordAudit } from '../../audit';
import type { StaffViewer } from '../policies';
import { findReadableThread } from '../queries/getThread';

/** A moderator locks a thread (members' replies are refused; staff may still answer) or unlocks it. */
export async function setThreadLocked({ ctx, staff, threadId, locked }: { ctx: AppContext; staff: StaffViewer; threadId: string; locked: boolean }) {
  return ctx.db.transaction(async (tx) => {
    const { thread } = await findReadableThread(tx, staff, threadId);
    if (locked === !!thread.lockedAt) throw conflict(locked ? 'This thread is already locked.' : 'This thread is not locked.');
    const [row] = await tx
      .update(communityThreads)
      .set(locked ? { lockedAt: sql`now()`, lockedByUserId: staff.userId } : { lockedAt: null, lockedByUserId: null })
      .where(and(eq(communityThreads.workspaceId, staff.workspaceId), eq(communityThreads.id, thread.id)))
      .returning();
    await recordAudit({ db: tx, action: locked ? 'community.threadLocked' : 'community.threadUnlocked', workspaceId: staff.workspaceId, actor: staff, target: { type: 'community_thread', id: thread.id }, ip: staff.ip, data: { title: thread.title } });
    return { threadId: row!.id, locked: !!row!.lockedAt, lockedAt: row!.lockedAt?.toISOString() ?? null };
  });
}
