import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { notifications } from '../../../db/schema';
import { countUnread } from '../queries/listNotifications';

/** Marks the caller's own notifications read: the ones named, or all. Others' ids match nothing. */
export async function markNotificationsRead({ ctx, actor, ids, all }: { ctx: AppContext; actor: Actor; ids?: string[]; all?: true }) {
  return ctx.db.transaction(async (tx) => {
    const mine = and(eq(notifications.userId, actor.userId), eq(notifications.workspaceId, actor.workspaceId), isNull(notifications.readAt));
    await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(all ? mine : and(mine, inArray(notifications.id, ids ?? [])));
    return { unreadCount: await countUnread(tx, actor) };
  });
}
