import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { InboundItem, InboundPage, ListInboundQuery, ReplyBody, ReplyResult } from '../../../shared/contracts/inbound';
import { WorkspaceParams } from '../../http/params';
import { moderateInbound } from './commands/moderateInbound';
import { replyToInbound } from './commands/replyToInbound';
import { listInbound } from './queries/listInbound';

const tags = ['inbox'];
const ItemParams = WorkspaceParams.extend({ itemId: z.uuid() });

export const inboundRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/workspaces/:workspaceId/inbound', { config: { action: 'inbox.read' }, schema: { tags, summary: 'Comments, mentions and messages that reached the channels, newest first', params: WorkspaceParams, querystring: ListInboundQuery, response: { 200: InboundPage } } }, async (req) =>
    listInbound(req.ctx.db, req.actor.workspaceId, req.query),
  );

  app.post('/api/workspaces/:workspaceId/inbound/:itemId/reply', { config: { action: 'inbox.reply' }, schema: { tags, summary: 'Answer an item as the channel\'s account', params: ItemParams, body: ReplyBody, response: { 200: ReplyResult } } }, async (req) =>
    replyToInbound({ ctx: req.ctx, actor: req.actor, itemId: req.params.itemId, text: req.body.text }),
  );

  for (const action of ['hide', 'delete'] as const) {
    app.post(`/api/workspaces/:workspaceId/inbound/:itemId/${action}`, { config: { action: 'inbox.moderate' }, schema: { tags, summary: `${action === 'hide' ? 'Hide' : 'Delete'} a comment under one of our posts, on the network`, params: ItemParams, response: { 200: InboundItem } } }, async (req) =>
      moderateInbound({ ctx: req.ctx, actor: req.actor, itemId: req.params.itemId, action }),
    );
  }
};
