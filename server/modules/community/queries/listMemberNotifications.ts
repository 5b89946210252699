import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityNotifications, communityPosts, communityThreads } from '../../../db/schema';
import type { MemberViewer } from '../policies';
import { presentNotification } from '../presenters';

const n = communityNotifications;

/**
 * Notifications about a post or thread deleted since are left out (the words a moderator removed
 * must not live on in notifications); the others are kept as they were written.
 */
const stillThere = sql`not exists (select 1 from ${communityPosts} p where p.id = ${n.postId} and p.deleted_at is not null)
  and not exists (select 1 from ${communityThreads} t where t.id = ${n.threadId} and t.deleted_at is not null)`;

export async function countUnreadNotifications(db: Db, viewer: MemberViewer): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(n)
    .where(and(eq(n.workspaceId, viewer.workspaceId), eq(n.memberId, viewer.member.id), isNull(n.readAt), stillThere));
  return Number(row?.n ?? 0);
}

/** The member's notifications, newest first; the cursor is the last id of the previous page (ties broken by id). */
export async function listMemberNotifications(db: Db, viewer: MemberViewer, opts: { unread?: 'true' | 'false'; limit: number; cursor?: string }) {
  const rows = await db
    .select()
    .from(n)
    .where(
      and(
        eq(n.workspaceId, viewer.workspaceId),
        eq(n.memberId, viewer.member.id),
        stillThere,
        opts.unread === 'true' ? isNull(n.readAt) : opts.unread === 'false' ? sql`${n.readAt} is not null` : undefined,
        opts.cursor ? sql`(${n.createdAt}, ${n.id}) < (select c.created_at, c.id from community_notifications c where c.id = ${opts.cursor} and c.member_id = ${viewer.member.id})` : undefined,
      ),
    )
    .orderBy(desc(n.createdAt), desc(n.id))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  return {
    notifications: page.map(presentNotification),
    unreadCount: await countUnreadNotifications(db, viewer),
    nextCursor: rows.length > opts.limit ? page[page.length - 1]!.id : null,
  };
}
