import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { inboxConversations } from '../../../db/schema';
import { conflict, notFound } from '../../../errors';
import { presentConversation } from '../presenters';
import { applyConversationChanges, type Changes } from './applyConversationChanges';

export interface UpdateConversationOptions {
  ctx: AppContext;
  actor: Actor;
  conversationId: string;
  version: number;
  changes: Changes;
}

/** Assign, set status, priority, tags or snooze one conversation; refused when someone changed it since `version`. */
export async function updateConversation({ ctx, actor, conversationId, version, changes }: UpdateConversationOptions) {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(inboxConversations).where(and(eq(inboxConversations.id, conversationId), eq(inboxConversations.workspaceId, actor.workspaceId))).for('update');
    if (!before) throw notFound('That conversation');
    if (before.version !== version) throw conflict('Someone changed this conversation in the meantime; reload it and try again.');
    return presentConversation(await applyConversationChanges(tx, actor, before, changes));
  });
}
