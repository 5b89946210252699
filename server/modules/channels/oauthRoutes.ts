import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { StartOAuthBody, StartOAuthResult } from '../../../shared/contracts/channels';
import { WorkspaceParams } from '../../http/params';
import { finishOAuth } from './commands/finishOAuth';
import { OAUTH_CALLBACK_PATH, startOAuth } from './commands/startOAuth';

const tags = ['channels'];

export const oauthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/workspaces/:workspaceId/channels/oauth/:network/start',
    { config: { action: 'channels.manage' }, schema: { tags, summary: 'Start connecting (or reconnecting) an account with OAuth 2: returns the network\'s authorize URL to send the browser to', params: WorkspaceParams.extend({ network: z.string().max(40) }), body: StartOAuthBody, response: { 200: StartOAuthResult } } },
    async (req) => startOAuth({ ctx: req.ctx, actor: req.actor, network: req.params.network, ...req.body }),
  );

  // Networks add their own parameters (scope, iss…): only these are read, the rest is ignored.
  const CallbackQuery = z.object({ code: z.string().max(4000).optional(), state: z.string().max(400).optional(), error: z.string().max(400).optional(), error_description: z.string().max(2000).optional() });
  app.get(OAUTH_CALLBACK_PATH, { schema: { tags, summary: 'Where the network sends the browser back after sign-in; redirects to the channels page', querystring: CallbackQuery } }, async (req, reply) => {
    const outcome = await finishOAuth(req.ctx, req.query, req.meta.ip);
    if ('redirect' in outcome) return reply.redirect(outcome.redirect, 303);
    return reply.code(400).type('text/plain; charset=utf-8').send(outcome.invalid);
  });
};
