import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Comment, CreateCommentBody, ListNotificationsQuery, MarkNotificationsReadBody, NotificationPage, UnreadCount } from '../../../shared/contracts/collaboration';
import { Ok } from '../../../shared/contracts/common';
import { WorkspaceParams } from '../../http/params';
import { createComment } from './commands/createComment';
import { deleteComment } from './commands/deleteComment';
import { markNotificationsRead } from './commands/markNotificationsRead';
import { listComments } from './queries/listComments';
import { listNotifications } from './queries/listNotifications';

const tags = ['collaboration'];
const PostParams = WorkspaceParams.extend({ postId: z.uuid('That is not a post id.') });
const CommentParams = PostParams.extend({ commentId: z.uuid('That is not a comment id.') });
const base = '/api/workspaces/:workspaceId';

export const collaborationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(`${base}/posts/:postId/comments`, { config: { action: 'comments.read' }, schema: { tags, summary: "The team's comments on a post, oldest first", params: PostParams, response: { 200: z.object({ comments: z.array(Comment) }) } } }, async (req) => ({
    comments: await listComments(req.ctx.db, req.actor, req.params.postId),
  }));

  app.post(`${base}/posts/:postId/comments`, { config: { action: 'comments.write' }, schema: { tags, summary: 'Comment on a post (plain text; @handle notifies a member)', params: PostParams, body: CreateCommentBody, response: { 201: Comment } } }, async (req, reply) =>
    reply.code(201).send(await createComment({ ctx: req.ctx, actor: req.actor, postId: req.params.postId, body: req.body.body })),
  );

  app.delete(`${base}/posts/:postId/comments/:commentId`, { config: { action: 'comments.write' }, schema: { tags, summary: 'Delete a comment (your own; owners and marketing managers any)', params: CommentParams, response: { 200: Ok } } }, async (req) =>
    deleteComment({ ctx: req.ctx, actor: req.actor, postId: req.params.postId, commentId: req.params.commentId }),
  );

  app.get(`${base}/notifications`, { config: { action: 'notifications.read' }, schema: { tags, summary: 'Your notifications in this workspace, newest first, with the unread count', params: WorkspaceParams, querystring: ListNotificationsQuery, response: { 200: NotificationPage } } }, async (req) =>
    listNotifications(req.ctx.db, req.actor, req.query),
  );

  app.post(`${base}/notifications/read`, { config: { action: 'notifications.read' }, schema: { tags, summary: 'Mark some ({"ids": [...]}) or all ({"all": true}) of your notifications read', params: WorkspaceParams, body: MarkNotificationsReadBody, response: { 200: UnreadCount } } }, async (req) =>
    markNotificationsRead({ ctx: req.ctx, actor: req.actor, ...req.body }),
  );
};
