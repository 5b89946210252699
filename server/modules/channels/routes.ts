import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Ok } from '../../../shared/contracts/common';
import { Channel, CreateChannelBody, DeleteChannelQuery, Network, ReconnectChannelBody } from '../../../shared/contracts/publishing';
import { UpdateChannelBody } from '../../../shared/contracts/scheduling';
import { WorkspaceParams } from '../../http/params';
import { connectChannel } from './commands/connectChannel';
import { deleteChannel } from './commands/deleteChannel';
import { reconnectChannel } from './commands/reconnectChannel';
import { updateChannel } from './commands/updateChannel';
import { listChannels } from './queries/listChannels';
import { listNetworks } from './queries/listNetworks';
import { channelMetricSeries } from './queries/channelMetricSeries';
import { ChannelMetricSeries, ChannelMetricsQuery } from '../../../shared/contracts/channels';
import { inboundRoutes } from './inboundRoutes';
import { oauthRoutes } from './oauthRoutes';
import { webhookRoutes } from './webhookRoutes';

const tags = ['channels'];
const ChannelParams = WorkspaceParams.extend({ channelId: z.uuid() });

export const channelRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(oauthRoutes);
  await app.register(inboundRoutes);
  await app.register(webhookRoutes);

  app.get('/api/networks', { schema: { tags, summary: 'The networks this server can publish to, with their limits, options, features and how accounts connect', response: { 200: z.object({ networks: z.array(Network) }) } } }, async (req) => {
    req.requireAuth();
    return { networks: listNetworks() };
  });

  app.get('/api/workspaces/:workspaceId/channels', { config: { action: 'channels.read' }, schema: { tags, summary: 'Connected channels', params: WorkspaceParams, response: { 200: z.object({ channels: z.array(Channel) }) } } }, async (req) => ({
    channels: await listChannels(req.ctx.db, req.actor.workspaceId),
  }));

  app.post('/api/workspaces/:workspaceId/channels', { config: { action: 'channels.manage' }, schema: { tags, summary: 'Connect an account on a network', params: WorkspaceParams, body: CreateChannelBody, response: { 201: Channel } } }, async (req, reply) =>
    reply.code(201).send(await connectChannel({ ctx: req.ctx, actor: req.actor, ...req.body })),
  );

  app.post('/api/workspaces/:workspaceId/channels/:channelId/reconnect', { config: { action: 'channels.manage' }, schema: { tags, summary: 'Sign in again after the network expired the session', params: ChannelParams, body: ReconnectChannelBody, response: { 200: Channel } } }, async (req) =>
    reconnectChannel({ ctx: req.ctx, actor: req.actor, channelId: req.params.channelId, credentials: req.body.credentials }),
  );

  app.patch('/api/workspaces/:workspaceId/channels/:channelId', { config: { action: 'channels.manage' }, schema: { tags, summary: 'Rename a channel, or change its time zone (IANA) or calendar colour', params: ChannelParams, body: UpdateChannelBody, response: { 200: Channel } } }, async (req) =>
    updateChannel({ ctx: req.ctx, actor: req.actor, channelId: req.params.channelId, ...req.body }),
  );

  app.delete('/api/workspaces/:workspaceId/channels/:channelId', { config: { action: 'channels.manage' }, schema: { tags, summary: 'Disconnect a channel; posts still planned on it are cancelled on it or moved, as chosen', params: ChannelParams, querystring: DeleteChannelQuery, response: { 200: Ok } } }, async (req) => {
    const { scheduledPosts, moveTo } = req.query;
    await deleteChannel({ ctx: req.ctx, actor: req.actor, channelId: req.params.channelId, choice: scheduledPosts === 'move' ? { scheduledPosts, moveTo: moveTo! } : { scheduledPosts } });
    return { ok: true as const };
  });

  app.get('/api/workspaces/:workspaceId/channels/:channelId/metrics', { config: { action: 'channels.read' }, schema: { tags, summary: 'A channel\'s follower counts over time', params: ChannelParams, querystring: ChannelMetricsQuery, response: { 200: ChannelMetricSeries } } }, async (req) =>
    channelMetricSeries(req.ctx.db, req.actor.workspaceId, req.params.channelId, req.query.days),
  );
};
