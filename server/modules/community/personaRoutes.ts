import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Persona, PersonaInput, PersonaList, UpdatePersonaBody } from '../../../shared/contracts/communityAccount';
import { WorkspaceParams } from '../../http/params';
import { archivePersona, createPersona, updatePersona } from './commands/managePersona';
import { listPersonas } from './queries/listPersonas';

const tags = ['community (team)'];
const base = '/api/workspaces/:workspaceId/community/personas';
const PersonaParams = WorkspaceParams.extend({ personaId: z.uuid('That is not a persona id.') });

/** Named moderator personas staff may post as (`personaId` on staff threads and replies). */
export const communityPersonaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(base, { config: { action: 'community.read' }, schema: { tags, summary: 'The personas staff may post as (retired ones last)', params: WorkspaceParams, response: { 200: PersonaList } } }, async (req) =>
    listPersonas(req.ctx.db, req.actor.workspaceId),
  );

  app.post(base, { config: { action: 'community.manage' }, schema: { tags, summary: 'Create a persona (name, avatar)', params: WorkspaceParams, body: PersonaInput, response: { 201: Persona } } }, async (req, reply) =>
    reply.code(201).send(await createPersona({ ctx: req.ctx, actor: req.actor, input: req.body })),
  );

  app.patch(`${base}/:personaId`, { config: { action: 'community.manage' }, schema: { tags, summary: "Rename a persona or change its avatar (its posts show the new ones)", params: PersonaParams, body: UpdatePersonaBody, response: { 200: Persona } } }, async (req) =>
    updatePersona({ ctx: req.ctx, actor: req.actor, personaId: req.params.personaId, input: req.body }),
  );

  app.delete(`${base}/:personaId`, { config: { action: 'community.manage' }, schema: { tags, summary: 'Retire a persona (its posts keep its name)', params: PersonaParams, response: { 200: Persona } } }, async (req) =>
    archivePersona({ ctx: req.ctx, actor: req.actor, personaId: req.params.personaId }),
  );
};
