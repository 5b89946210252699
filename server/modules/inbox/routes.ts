import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BulkUpdateConversationsBody, BulkUpdateResult, Conversation, ConversationDetail, ConversationPage, ListConversationsQuery, UpdateConversationBody } from '../../../shared/contracts/inbox';
import { WorkspaceParams } from '../../http/params';
import { bulkUpdateConversations } from './commands/bulkUpdateConversations';
import { updateConversation } from './commands/updateConversation';
import { getConversation } from './queries/getConversation';
import { listConversations } from './queries/listConversations';

const tags = ['inbox'];
const base = '/api/workspaces/:workspaceId/inbox/conversations';
const ConversationParams = WorkspaceParams.extend({ conversationId: z.uuid('That is not a conversation id.') });

export const inboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(base, { config: { action: 'inbox.read' }, schema: { tags, summary: 'Conversations, latest activity first, by view and filters', params: WorkspaceParams, querystring: ListConversationsQuery, response: { 200: ConversationPage } } }, async (req) =>
    listConversations(req.ctx.db, req.actor, req.query),
  );

  app.get(`${base}/:conversationId`, { config: { action: 'inbox.read' }, schema: { tags, summary: 'One conversation with its items and people', params: ConversationParams, response: { 200: ConversationDetail } } }, async (req) =>
    getConversation(req.ctx.db, req.actor.workspaceId, req.params.conversationId),
  );

  app.patch(`${base}/:conversationId`, { config: { action: 'inbox.reply' }, schema: { tags, summary: 'Assign, set status, priority, tags or snooze (send the version you saw)', params: ConversationParams, body: UpdateConversationBody, response: { 200: Conversation } } }, async (req) => {
    const { version, ...changes } = req.body;
    return updateConversation({ ctx: req.ctx, actor: req.actor, conversationId: req.params.conversationId, version, changes });
  });

  app.patch(base, { config: { action: 'inbox.reply' }, schema: { tags, summary: 'The same change to many conversations, all or nothing', params: WorkspaceParams, body: BulkUpdateConversationsBody, response: { 200: BulkUpdateResult } } }, async (req) =>
    bulkUpdateConversations({ ctx: req.ctx, actor: req.actor, ...req.body }),
  );
};
