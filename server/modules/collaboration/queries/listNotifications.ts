import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { notifications } from '../../../db/schema';
import { presentNotification } from '../presenters';

type Me = { userId: string; workspaceId: string };

export async function countUnread(db: Db, me: Me): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, me.userId), eq(notifications.workspaceId, me.workspaceId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/**
 * The caller's own notifications in this workspace, newest first. The cursor is the id of the last
 * one of the previous page; ties on time are broken by id, so no row is skipped or repeated.
 */
export async function listNotifications(db: Db, me: Me, opts: { unread?: 'true' | 'false'; limit: number; cursor?: string }) {
  const { cursor } = opts;
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, me.userId),
        eq(notifications.workspaceId, me.workspaceId),
        opts.unread === 'true' ? isNull(notifications.readAt) : opts.unread === 'false' ? sql`${notifications.readAt} is not null` : undefined,
        cursor
          ? sql`(${notifications.createdAt}, ${notifications.id}) < (select n.created_at, n.id from notifications n where n.id = ${cursor} and n.user_id = ${me.userId})`
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  return {
    notifications: page.map(presentNotification),
    unreadCount: await countUnread(db, me),
    nextCursor: rows.length > opts.limit ? page[page.length - 1]!.id : null,
  };
}
