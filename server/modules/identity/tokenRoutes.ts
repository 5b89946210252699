import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Ok } from '../../../shared/contracts/common';
import { ApiToken, CreatedApiToken, CreateTokenBody } from '../../../shared/contracts/workspaces';
import { WorkspaceParams } from '../../http/params';
import { createApiToken, revokeApiToken } from './commands/apiTokens';
import { listApiTokens } from './queries/listApiTokens';
import { presentApiToken } from './presenters';

const tags = ['api tokens'];

export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/workspaces/:workspaceId/tokens', { config: { action: 'tokens.createOwn' }, schema: { tags, summary: 'API tokens (yours; all for owners)', params: WorkspaceParams, response: { 200: z.object({ tokens: z.array(ApiToken) }) } } }, async (req) => {
    const { actor } = req;
    return { tokens: (await listApiTokens(req.ctx.db, actor)).map(presentApiToken) };
  });

  app.post('/api/workspaces/:workspaceId/tokens', { config: { action: 'tokens.createOwn', sessionOnly: true }, schema: { tags, summary: 'Create a scoped API token (shown once)', params: WorkspaceParams, body: CreateTokenBody, response: { 201: CreatedApiToken } } }, async (req, reply) => {
    const { actor } = req;
    const { row, token } = await createApiToken({ ctx: req.ctx, actor, ...req.body });
    return reply.code(201).send({ ...presentApiToken(row), token });
  });

  app.delete('/api/workspaces/:workspaceId/tokens/:tokenId', { config: { action: 'tokens.createOwn' }, schema: { tags, summary: 'Revoke an API token', params: WorkspaceParams.extend({ tokenId: z.uuid() }), response: { 200: Ok } } }, async (req) => {
    const { actor } = req;
    await revokeApiToken({ ctx: req.ctx, actor, tokenId: req.params.tokenId });
    return { ok: true as const };
  });
};
