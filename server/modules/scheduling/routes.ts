import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Ok } from '../../../shared/contracts/common';
import { BestTimes, BestTimesQuery, CalendarFeedStatus, ChannelSlots, CreatedCalendarFeed, PutSlotsBody, QueuedPost } from '../../../shared/contracts/scheduling';
import { WorkspaceParams } from '../../http/params';
import { addToQueue } from './commands/addToQueue';
import { createCalendarFeed, revokeCalendarFeed } from './commands/calendarFeed';
import { putSlots } from './commands/putSlots';
import { getBestTimes } from './queries/getBestTimes';
import { getCalendarFeedStatus } from './queries/getCalendarFeedStatus';
import { getSlots } from './queries/getSlots';
import { renderCalendarFeed } from './queries/renderCalendarFeed';

const tags = ['scheduling'];
const base = '/api/workspaces/:workspaceId';
const ChannelParams = WorkspaceParams.extend({ channelId: z.uuid() });
const PostParams = WorkspaceParams.extend({ postId: z.uuid() });

export const schedulingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(`${base}/channels/:channelId/slots`, { config: { action: 'channels.read' }, schema: { tags, summary: "A channel's weekly queue slots (in its time zone)", params: ChannelParams, response: { 200: ChannelSlots } } }, async (req) =>
    getSlots(req.ctx.db, req.actor.workspaceId, req.params.channelId),
  );

  app.put(`${base}/channels/:channelId/slots`, { config: { action: 'channels.manage' }, schema: { tags, summary: "Replace a channel's weekly queue slots", params: ChannelParams, body: PutSlotsBody, response: { 200: ChannelSlots } } }, async (req) =>
    putSlots({ ctx: req.ctx, actor: req.actor, channelId: req.params.channelId, slots: req.body.slots }),
  );

  app.post(`${base}/posts/:postId/queue`, { config: { action: 'posts.schedule' }, schema: { tags, summary: "Schedule a post at the next free queue slot of its channels", params: PostParams, response: { 200: QueuedPost } } }, async (req) =>
    addToQueue({ ctx: req.ctx, actor: req.actor, postId: req.params.postId }),
  );

  app.get(`${base}/channels/:channelId/best-times`, { config: { action: 'posts.read' }, schema: { tags, summary: 'Best weekday × hour slots from past engagement, with why', params: ChannelParams, querystring: BestTimesQuery, response: { 200: BestTimes } } }, async (req) =>
    getBestTimes({ db: req.ctx.db, workspaceId: req.actor.workspaceId, channelId: req.params.channelId, limit: req.query.limit }),
  );

  app.get(`${base}/calendar-feed`, { config: { action: 'calendar.subscribe' }, schema: { tags, summary: 'Whether you have a calendar feed of this workspace', params: WorkspaceParams, response: { 200: CalendarFeedStatus } } }, async (req) =>
    getCalendarFeedStatus(req.ctx.db, req.actor.workspaceId, req.actor.userId),
  );

  app.post(`${base}/calendar-feed`, { config: { action: 'calendar.subscribe', sessionOnly: true }, schema: { tags, summary: 'Create or rotate your secret iCalendar feed URL (shown once)', params: WorkspaceParams, response: { 201: CreatedCalendarFeed } } }, async (req, reply) =>
    reply.code(201).send(await createCalendarFeed({ ctx: req.ctx, actor: req.actor })),
  );

  app.delete(`${base}/calendar-feed`, { config: { action: 'calendar.subscribe' }, schema: { tags, summary: 'Revoke your calendar feed URL', params: WorkspaceParams, response: { 200: Ok } } }, async (req) => {
    await revokeCalendarFeed({ ctx: req.ctx, actor: req.actor });
    return { ok: true as const };
  });

  // No session: the secret token in the URL is the credential (calendar apps cannot sign in).
  app.get(
    '/api/calendar/:token.ics',
    { config: { rateLimit: { max: 60, timeWindow: '1 minute' } }, schema: { tags, summary: 'Your secret iCalendar feed (RFC 5545) of scheduled and published posts', params: z.strictObject({ token: z.string().max(100) }) } },
    async (req, reply) => {
      const text = await renderCalendarFeed(req.ctx, req.params.token);
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, no-store').header('content-disposition', 'inline; filename="tandem.ics"').send(text);
    },
  );
};
