import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { AppContext } from '../../../context';
import { communityNotifications } from '../../../db/schema';
import type { MemberViewer } from '../policies';
import { countUnreadNotifications } from '../queries/listMemberNotifications';

/** Marks the member's own notifications read: the ones named, or all. Other members' ids match nothing. */
export async function markMemberNotificationsRead({ ctx, viewer, ids, all }: { ctx: AppContext; viewer: MemberViewer; ids?: string[]; all?: true }) {
  const n = communityNotifications;
  return ctx.db.transaction(async (tx) => {
    const mine = and(eq(n.workspaceId, viewer.workspaceId), eq(n.memberId, viewer.member.id), isNull(n.readAt));
    await tx
      .update(n)
      .set({ readAt: new Date() })
      .where(all ? mine : and(mine, inArray(n.id, ids ?? [])));
    return { unreadCount: await countUnreadNotifications(tx, viewer) };
  });
}
