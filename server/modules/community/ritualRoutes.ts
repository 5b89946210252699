import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Ok } from '../../../shared/contracts/common';
import { CreateRitualBody, PostedOccurrenceList, PreviewRitualBody, Ritual, RitualList, RitualPreview, UpdateRitualBody } from '../../../shared/contracts/communityRituals';
import { WorkspaceParams } from '../../http/params';
import { createRitual } from './commands/createRitual';
import { deleteRitual } from './commands/deleteRitual';
import { updateRitual } from './commands/updateRitual';
import { listRitualOccurrences } from './queries/listRitualOccurrences';
import { listRituals } from './queries/listRituals';
import { previewRitual, previewRule } from './queries/previewRitual';

const tags = ['community (team)'];
const base = '/api/workspaces/:workspaceId/community/rituals';
const RitualParams = WorkspaceParams.extend({ ritualId: z.uuid('That is not a ritual id.') });

/** Rituals: recurring threads and events by RRULE, posted by the community.postRituals job. */
export const communityRitualRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(base, { config: { action: 'community.read' }, schema: { tags, summary: 'Every ritual, oldest first', params: WorkspaceParams, response: { 200: RitualList } } }, async (req) =>
    listRituals(req.ctx.db, req.actor.workspaceId),
  );

  app.post(base, { config: { action: 'community.manage' }, schema: { tags, summary: 'Create a ritual (its threads are posted as you, with the staff badge)', params: WorkspaceParams, body: CreateRitualBody, response: { 201: Ritual } } }, async (req, reply) =>
    reply.code(201).send(await createRitual({ ctx: req.ctx, actor: req.actor, input: req.body })),
  );

  app.post(`${base}/preview`, { config: { action: 'community.read' }, schema: { tags, summary: 'The next 5 occurrences of a rule, before saving it', params: WorkspaceParams, body: PreviewRitualBody, response: { 200: RitualPreview } } }, async (req) =>
    previewRule(req.body),
  );

  app.get(`${base}/:ritualId/preview`, { config: { action: 'community.read' }, schema: { tags, summary: "The next 5 occurrences of a ritual's rule", params: RitualParams, response: { 200: RitualPreview } } }, async (req) =>
    previewRitual(req.ctx.db, req.actor.workspaceId, req.params.ritualId),
  );

  app.get(`${base}/:ritualId/occurrences`, { config: { action: 'community.read' }, schema: { tags, summary: 'The occurrences a ritual posted, latest first', params: RitualParams, response: { 200: PostedOccurrenceList } } }, async (req) =>
    listRitualOccurrences(req.ctx.db, req.actor.workspaceId, req.params.ritualId),
  );

  app.patch(`${base}/:ritualId`, { config: { action: 'community.manage' }, schema: { tags, summary: 'Change a ritual; active false pauses it, true resumes it', params: RitualParams, body: UpdateRitualBody, response: { 200: Ritual } } }, async (req) =>
    updateRitual({ ctx: req.ctx, actor: req.actor, ritualId: req.params.ritualId, input: req.body }),
  );

  app.delete(`${base}/:ritualId`, { config: { action: 'community.manage' }, schema: { tags, summary: 'Delete a ritual (the threads it posted stay)', params: RitualParams, response: { 200: Ok } } }, async (req) =>
    deleteRitual({ ctx: req.ctx, actor: req.actor, ritualId: req.params.ritualId }),
  );
};
