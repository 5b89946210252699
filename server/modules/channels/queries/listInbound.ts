import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { inboundItems } from '../../../db/schema';
import { presentInboundItem } from '../presenters';
import { decodeCursor, encodeCursor } from '../../../db/keysetCursor';

type Item = typeof inboundItems.$inferSelect;

/** The workspace's inbound items, newest first, a page at a time (the cursor names the last item seen), by channel, kind, sentiment or toxicity. */
export async function listInbound(
  db: Db,
  workspaceId: string,
  q: { channelId?: string; kind?: Item['kind']; sentiment?: NonNullable<Item['sentiment']>; toxicity?: NonNullable<Item['toxicityLabel']>; limit: number; cursor?: string },
) {
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const where: (SQL | undefined)[] = [
    eq(inboundItems.workspaceId, workspaceId),
    q.channelId ? eq(inboundItems.channelId, q.channelId) : undefined,
    q.kind ? eq(inboundItems.kind, q.kind) : undefined,
    q.sentiment ? eq(inboundItems.sentiment, q.sentiment) : undefined,
    q.toxicity ? eq(inboundItems.toxicityLabel, q.toxicity) : undefined,
  ];
  if (after) where.push(or(lt(inboundItems.createdAt, after.at), and(eq(inboundItems.createdAt, after.at), lt(inboundItems.id, after.id))));
  const rows = await db
    .select()
    .from(inboundItems)
    .where(and(...where))
    .orderBy(desc(inboundItems.createdAt), desc(inboundItems.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { items: page.map(presentInboundItem), nextCursor: rows.length > q.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}
