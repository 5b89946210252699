import { and, arrayContains, desc, eq, gt, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ListConversationsQuery } from '../../../../shared/contracts/inbox';
import type { Actor } from '../../../context';
import type { Db } from '../../../db/client';
import { inboxConversations as c } from '../../../db/schema';
import { presentConversation } from '../presenters';
import { decodeCursor, encodeCursor } from '../../../db/keysetCursor';

/** The workspace's conversations, latest activity first, a page at a time, in one of the views and filters. */
export async function listConversations(db: Db, actor: Actor, q: z.infer<typeof ListConversationsQuery>) {
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const notSnoozed = or(isNull(c.snoozedUntil), lt(c.snoozedUntil, sql`now()`));
  const view: Record<typeof q.view, SQL | undefined> = {
    all: notSnoozed,
    mine: and(notSnoozed, eq(c.assigneeId, actor.userId)),
    unassigned: and(notSnoozed, isNull(c.assigneeId)),
    needs_reply: and(notSnoozed, eq(c.needsReply, true), sql`${c.status} <> 'done'`),
    snoozed: gt(c.snoozedUntil, sql`now()`),
  };
  const where: (SQL | undefined)[] = [
    eq(c.workspaceId, actor.workspaceId),
    view[q.view],
    q.channelId ? eq(c.channelId, q.channelId) : undefined,
    q.status ? eq(c.status, q.status) : undefined,
    q.sentiment ? eq(c.latestSentiment, q.sentiment) : undefined,
    q.tag ? arrayContains(c.tags, [q.tag]) : undefined,
  ];
  if (after) where.push(or(lt(c.lastItemAt, after.at), and(eq(c.lastItemAt, after.at), lt(c.id, after.id))));
  const rows = await db.select().from(c).where(and(...where)).orderBy(desc(c.lastItemAt), desc(c.id)).limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { conversations: page.map(presentConversation), nextCursor: rows.length > q.limit && last ? encodeCursor(last.lastItemAt, last.id) : null };
}
