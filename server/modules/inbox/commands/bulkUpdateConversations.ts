import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { inboxConversations } from '../../../db/schema';
import { notFound } from '../../../errors';
import { presentConversation } from '../presenters';
import { applyConversationChanges, type Changes } from './applyConversationChanges';

/**
 * The same changes to many conversations at once, all or nothing. No version check: a bulk action
 * states the result wanted ("these are done"), whatever happened to each one before.
 */
export async function bulkUpdateConversations({ ctx, actor, ids, changes }: { ctx: AppContext; actor: Actor; ids: string[]; changes: Changes }) {
  const unique = [...new Set(ids)];
  return ctx.db.transaction(async (tx) => {
    const rows = await tx.select().from(inboxConversations).where(and(inArray(inboxConversations.id, unique), eq(inboxConversations.workspaceId, actor.workspaceId))).orderBy(asc(inboxConversations.id)).for('update');
    if (rows.length !== unique.length) throw notFound('One of those conversations');
    const saved = [];
    for (const row of rows) saved.push(presentConversation(await applyConversationChanges(tx, actor, row, changes)));
    return { conversations: saved };
  });
}
