import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Ok } from '../../../shared/contracts/common';
import {
  CommunityNotificationPage,
  CommunityUnreadCount,
  ListCommunityNotificationsQuery,
  LiveQuery,
  MarkCommunityNotificationsReadBody,
  UnsubscribeQuery,
} from '../../../shared/contracts/communityNotifications';
import { streamEvents } from '../../http/sse';
import { markMemberNotificationsRead } from './commands/markMemberNotificationsRead';
import { unsubscribeDigest } from './commands/unsubscribeDigest';
import { requireMember, viewerOf } from './memberSession';
import { findCommunity } from './queries/findCommunity';
import { liveChannels } from './queries/liveChannels';
import { countUnreadNotifications, listMemberNotifications } from './queries/listMemberNotifications';

const tags = ['community (members)'];
const base = '/api/communities/:communityId';
const CommunityParams = z.strictObject({ communityId: z.uuid('That is not a community id.') });

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Registered inside communityPublicRoutes (its "community must exist" hook applies). */
export const communityNotificationRoutes: FastifyPluginAsyncZod = async (app) => {
  // Mail clients send the RFC 8058 one-click POST as a form; only this plugin's routes accept forms.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.get(
    `${base}/live`,
    { schema: { tags, summary: 'Live updates (Server-Sent Events): a thread’s post.created/updated/deleted, reaction.changed, poll.changed; your own notification events', params: CommunityParams, querystring: LiveQuery } },
    async (req, reply) => {
      const channels = await liveChannels(req.ctx.db, await viewerOf(req, req.params.communityId), req.query.thread);
      streamEvents(req, reply, { hub: req.ctx.realtime, channels });
      return reply;
    },
  );

  app.get(`${base}/notifications`, { schema: { tags, summary: 'Your notifications, newest first, with the unread count', params: CommunityParams, querystring: ListCommunityNotificationsQuery, response: { 200: CommunityNotificationPage } } }, async (req) =>
    listMemberNotifications(req.ctx.db, await requireMember(req, req.params.communityId), req.query),
  );

  app.get(`${base}/notifications/unread-count`, { schema: { tags, summary: 'How many of your notifications are unread', params: CommunityParams, response: { 200: CommunityUnreadCount } } }, async (req) => ({
    unreadCount: await countUnreadNotifications(req.ctx.db, await requireMember(req, req.params.communityId)),
  }));

  app.post(`${base}/notifications/read`, { schema: { tags, summary: 'Mark some ({"ids": [...]}) or all ({"all": true}) of your notifications read', params: CommunityParams, body: MarkCommunityNotificationsReadBody, response: { 200: CommunityUnreadCount } } }, async (req) =>
    markMemberNotificationsRead({ ctx: req.ctx, viewer: await requireMember(req, req.params.communityId), ...req.body }),
  );

  app.get(`${base}/unsubscribe`, { schema: { tags, summary: 'One-click digest unsubscribe from the email link (no sign-in): answers a small HTML page', params: CommunityParams, querystring: UnsubscribeQuery } }, async (req, reply) => {
    await unsubscribeDigest({ ctx: req.ctx, workspaceId: req.params.communityId, token: req.query.token });
    const { name } = await findCommunity(req.ctx.db, req.params.communityId);
    const page = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Unsubscribed</title><body style="font-family:sans-serif;max-width:32rem;margin:4rem auto"><h1>Unsubscribed</h1><p>You will no longer receive the ${escapeHtml(name)} digest. You can turn it on again in your profile.</p></body></html>`;
    return reply.header('content-type', 'text/html; charset=utf-8').send(page);
  });

  app.post(`${base}/unsubscribe`, { schema: { tags, summary: 'RFC 8058 one-click unsubscribe (List-Unsubscribe-Post) from the digest', params: CommunityParams, querystring: UnsubscribeQuery, response: { 200: Ok } } }, async (req) =>
    unsubscribeDigest({ ctx: req.ctx, workspaceId: req.params.communityId, token: req.query.token }),
  );
};
