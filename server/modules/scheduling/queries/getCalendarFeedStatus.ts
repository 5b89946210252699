import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { calendarFeeds } from '../../../db/schema';

/** Whether the caller has a feed of this workspace (its URL cannot be shown again: only its hash is kept). */
export async function getCalendarFeedStatus(db: Db, workspaceId: string, userId: string) {
  const [row] = await db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(and(eq(calendarFeeds.workspaceId, workspaceId), eq(calendarFeeds.userId, userId)));
  return { active: !!row, createdAt: row?.createdAt.toISOString() ?? null };
}
