import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AddFeedBody, Feed, FetchFeedResult } from '../../../shared/contracts/feeds';
import { WorkspaceParams } from '../../http/params';
import { notFound } from '../../errors';
import { addFeed } from './commands/addFeed';
import { pollFeed } from './commands/pollFeed';
import { removeFeed } from './commands/removeFeed';
import { getFeed, listFeeds } from './queries/listFeeds';

const tags = ['feeds'];
const base = '/api/workspaces/:workspaceId/feeds';
const FeedParams = WorkspaceParams.extend({ feedId: z.uuid('That is not a feed id.') });

/**
 * RSS/Atom curation. Whoever reads posts sees the feeds; whoever manages channels (social media
 * manager and above) adds and removes them, since a feed drafts posts for channels on its own.
 */
export const feedRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(base, { config: { action: 'posts.read' }, schema: { tags, summary: 'RSS/Atom feeds whose new items become drafts', params: WorkspaceParams, response: { 200: z.object({ feeds: z.array(Feed) }) } } }, async (req) => ({
    feeds: await listFeeds(req.ctx.db, req.actor.workspaceId),
  }));

  app.post(base, { config: { action: 'channels.manage' }, schema: { tags, summary: 'Add a feed (read once to check it; its current items are marked seen, not drafted)', params: WorkspaceParams, body: AddFeedBody, response: { 201: Feed } } }, async (req, reply) =>
    reply.code(201).send(await addFeed({ ctx: req.ctx, actor: req.actor, ...req.body })),
  );

  app.delete(`${base}/:feedId`, { config: { action: 'channels.manage' }, schema: { tags, summary: 'Remove a feed; the drafts it made stay', params: FeedParams, response: { 200: z.object({ ok: z.literal(true) }) } } }, async (req) => {
    await removeFeed({ ctx: req.ctx, actor: req.actor, feedId: req.params.feedId });
    return { ok: true as const };
  });

  app.post(`${base}/:feedId/fetch`, { config: { action: 'channels.manage' }, schema: { tags, summary: 'Fetch a feed now; new items become drafts (a failure is reported in lastError)', params: FeedParams, response: { 200: FetchFeedResult } } }, async (req) => {
    const result = await pollFeed(req.ctx, req.params.feedId, req.actor.workspaceId);
    if (!result.found) throw notFound('That feed');
    return { feed: await getFeed(req.ctx.db, req.actor.workspaceId, req.params.feedId), newDrafts: result.newDrafts };
  });
};
