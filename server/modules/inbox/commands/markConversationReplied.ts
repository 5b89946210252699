import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { inboundItems, inboxConversations } from '../../../db/schema';

/** One of us answered an item from Tandem: its conversation no longer needs a reply (until someone writes again). */
export async function markConversationReplied(db: Db, itemId: string): Promise<void> {
  const [item] = await db.select({ conversationId: inboundItems.inboxConversationId }).from(inboundItems).where(eq(inboundItems.id, itemId));
  if (!item?.conversationId) return;
  await db.update(inboxConversations).set({ repliedAt: sql`now()`, needsReply: false, updatedAt: sql`now()` }).where(eq(inboxConversations.id, item.conversationId));
}
