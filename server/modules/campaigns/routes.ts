import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Campaign, CreateCampaignBody, UpdateCampaignBody } from '../../../shared/contracts/campaigns';
import { WorkspaceParams } from '../../http/params';
import { createCampaign } from './commands/createCampaign';
import { deleteCampaign } from './commands/deleteCampaign';
import { updateCampaign } from './commands/updateCampaign';
import { listCampaigns } from './queries/listCampaigns';

const tags = ['campaigns'];
const base = '/api/workspaces/:workspaceId/campaigns';
const CampaignParams = WorkspaceParams.extend({ campaignId: z.uuid('That is not a campaign id.') });

export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(base, { config: { action: 'campaigns.read' }, schema: { tags, summary: 'Campaigns, by name', params: WorkspaceParams, response: { 200: z.object({ campaigns: z.array(Campaign) }) } } }, async (req) => ({
    campaigns: await listCampaigns(req.ctx.db, req.actor.workspaceId),
  }));

  app.post(base, { config: { action: 'campaigns.manage' }, schema: { tags, summary: 'Create a campaign (names are unique in a workspace)', params: WorkspaceParams, body: CreateCampaignBody, response: { 201: Campaign } } }, async (req, reply) =>
    reply.code(201).send(await createCampaign({ ctx: req.ctx, actor: req.actor, ...req.body })),
  );

  app.patch(`${base}/:campaignId`, { config: { action: 'campaigns.manage' }, schema: { tags, summary: 'Rename or recolour a campaign', params: CampaignParams, body: UpdateCampaignBody, response: { 200: Campaign } } }, async (req) =>
    updateCampaign({ ctx: req.ctx, actor: req.actor, campaignId: req.params.campaignId, ...req.body }),
  );

  app.delete(`${base}/:campaignId`, { config: { action: 'campaigns.manage' }, schema: { tags, summary: 'Delete a campaign; its posts stay, without a campaign', params: CampaignParams, response: { 200: z.object({ ok: z.literal(true), postsDetached: z.number() }) } } }, async (req) => ({
    ok: true as const,
    ...(await deleteCampaign({ ctx: req.ctx, actor: req.actor, campaignId: req.params.campaignId })),
  }));
};
