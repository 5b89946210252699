import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Attempt, CreatePostBody, RequestChangesBody, Revision, ListPostsQuery, Post, PublishingSettings, ScheduleBody, UpdatePostBody, UpdatePublishingSettingsBody } from '../../../shared/contracts/publishing';
import { WorkspaceParams } from '../../http/params';
import { approvePost } from './commands/approvePost';
import { cancelPost } from './commands/cancelPost';
import { createPost } from './commands/createPost';
import { retryTarget } from './commands/retryTarget';
import { schedulePost } from './commands/schedulePost';
import { setPublishingPaused } from './commands/setPublishingPaused';
import { submitPost } from './commands/submitPost';
import { unschedulePost } from './commands/unschedulePost';
import { updatePost } from './commands/updatePost';
import { updatePublishingSettings } from './commands/updatePublishingSettings';
import { getPost } from './queries/getPost';
import { listRevisions } from './queries/listRevisions';
import { restoreRevision } from './commands/restoreRevision';
import { requestChanges } from './commands/requestChanges';
import { getPublishingSettings } from './queries/getPublishingSettings';
import { listAttempts } from './queries/listAttempts';
import { listPosts } from './queries/listPosts';
import { presentSettings } from './presenters';

const tags = ['publishing'];
const PostParams = WorkspaceParams.extend({ postId: z.uuid() });
const base = '/api/workspaces/:workspaceId';

export const publishingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(`${base}/posts`, { config: { action: 'posts.read' }, schema: { tags, summary: 'Posts, filtered by status, channel and planned time', params: WorkspaceParams, querystring: ListPostsQuery, response: { 200: z.object({ posts: z.array(Post) }) } } }, async (req) => ({
    posts: await listPosts({ db: req.ctx.db, workspaceId: req.actor.workspaceId, ...req.query }),
  }));

  app.post(`${base}/posts`, { config: { action: 'posts.write' }, schema: { tags, summary: 'Create a draft', params: WorkspaceParams, body: CreatePostBody, response: { 201: Post } } }, async (req, reply) =>
    reply.code(201).send(await createPost({ ctx: req.ctx, actor: req.actor, ...req.body })),
  );

  app.get(`${base}/posts/:postId`, { config: { action: 'posts.read' }, schema: { tags, summary: 'One post with its variants and publishing targets', params: PostParams, response: { 200: Post } } }, async (req) =>
    getPost(req.ctx.db, req.actor.workspaceId, req.params.postId),
  );

  app.patch(`${base}/posts/:postId`, { config: { action: 'posts.write' }, schema: { tags, summary: 'Edit a post (an approved post goes back to review)', params: PostParams, body: UpdatePostBody, response: { 200: Post } } }, async (req) =>
    updatePost({ ctx: req.ctx, actor: req.actor, postId: req.params.postId, ...req.body }),
  );

  app.get(`${base}/posts/:postId/attempts`, { config: { action: 'posts.read' }, schema: { tags, summary: 'Every publish attempt for the post', params: PostParams, response: { 200: z.object({ attempts: z.array(Attempt) }) } } }, async (req) => ({
    attempts: await listAttempts(req.ctx.db, req.actor.workspaceId, req.params.postId),
  }));

  app.get(`${base}/posts/:postId/revisions`, { config: { action: 'posts.read' }, schema: { tags, summary: 'Every version of the post, newest first', params: PostParams, response: { 200: z.object({ revisions: z.array(Revision) }) } } }, async (req) => ({
    revisions: await listRevisions(req.ctx.db, req.actor.workspaceId, req.params.postId),
  }));

  app.post(`${base}/posts/:postId/revisions/:version/restore`, { config: { action: 'posts.write' }, schema: { tags, summary: 'Restore an earlier version (as a new version)', params: PostParams.extend({ version: z.coerce.number().int().min(1) }), response: { 200: Post } } }, async (req) =>
    restoreRevision({ ctx: req.ctx, actor: req.actor, postId: req.params.postId, version: req.params.version }),
  );

  app.post(`${base}/posts/:postId/submit`, { config: { action: 'posts.write' }, schema: { tags, summary: 'Submit a draft for review', params: PostParams, response: { 200: Post } } }, async (req) =>
    submitPost({ ctx: req.ctx, actor: req.actor, postId: req.params.postId }),
  );

  app.post(`${base}/posts/:postId/approve`, { config: { action: 'posts.approve' }, schema: { tags, summary: 'Approve a post in review', params: PostParams, response: { 200: Post } } }, async (req) =>
    approvePost({ ctx: req.ctx, actor: req.actor, postId: req.params.postId }),
  );

  app.post(`${base}/posts/:postId/request-changes`, { config: { action: 'posts.approve' }, schema: { tags, summary: 'Send a post in review back to its author as a draft, saying why', params: PostParams, body: RequestChangesBody, response: { 200: Post } } }, async (req) =>
    requestChanges({ ctx: req.ctx, actor: req.actor, postId: req.params.postId, reason: req.body.reason }),
  );

  app.post(`${base}/posts/:postId/schedule`, { config: { action: 'posts.schedule' }, schema: { tags, summary: 'Schedule (or reschedule) a post', params: PostParams, body: ScheduleBody, response: { 200: Post } } }, async (req) =>
    schedulePost({ ctx: req.ctx, actor: req.actor, postId: req.params.postId, scheduledAt: req.body.scheduledAt }),
  );

  app.post(`${base}/posts/:postId/publish`, { config: { action: 'posts.schedule' }, schema: { tags, summary: 'Publish now', params: PostParams, response: { 200: Post } } }, async (req) =>
    schedulePost({ ctx: req.ctx, actor: req.actor, postId: req.params.postId }),
  );

  app.post(`${base}/posts/:postId/targets/:targetId/retry`, { config: { action: 'posts.schedule' }, schema: { tags, summary: 'Try one channel again after it failed or its outcome stayed unknown (unknown: looked up on the network before anything is sent)', params: PostParams.extend({ targetId: z.uuid() }), response: { 200: Post } } }, async (req) =>
    retryTarget({ ctx: req.ctx, actor: req.actor, postId: req.params.postId, targetId: req.params.targetId }),
  );

  app.post(`${base}/posts/:postId/unschedule`, { config: { action: 'posts.schedule' }, schema: { tags, summary: 'Take a scheduled post back for editing (it keeps its approval)', params: PostParams, response: { 200: Post } } }, async (req) =>
    unschedulePost({ ctx: req.ctx, actor: req.actor, postId: req.params.postId }),
  );

  app.post(`${base}/posts/:postId/cancel`, { config: { action: 'posts.schedule' }, schema: { tags, summary: 'Cancel a post that has not started publishing', params: PostParams, response: { 200: Post } } }, async (req) =>
    cancelPost({ ctx: req.ctx, actor: req.actor, postId: req.params.postId }),
  );

  app.get(`${base}/publishing/settings`, { config: { action: 'posts.read' }, schema: { tags, summary: 'Approval and pause settings', params: WorkspaceParams, response: { 200: PublishingSettings } } }, async (req) =>
    presentSettings(await getPublishingSettings(req.ctx.db, req.actor.workspaceId)),
  );

  app.patch(`${base}/publishing/settings`, { config: { action: 'publishing.configure' }, schema: { tags, summary: 'Whether approval is required and which roles approve', params: WorkspaceParams, body: UpdatePublishingSettingsBody, response: { 200: PublishingSettings } } }, async (req) =>
    updatePublishingSettings({ ctx: req.ctx, actor: req.actor, ...req.body }),
  );

  app.post(`${base}/publishing/pause`, { config: { action: 'publishing.pause' }, schema: { tags, summary: 'Hold every scheduled post in the workspace', params: WorkspaceParams, response: { 200: PublishingSettings } } }, async (req) =>
    setPublishingPaused({ ctx: req.ctx, actor: req.actor, paused: true }),
  );

  app.post(`${base}/publishing/resume`, { config: { action: 'publishing.pause' }, schema: { tags, summary: 'Resume publishing; posts that fell due go out now', params: WorkspaceParams, response: { 200: PublishingSettings } } }, async (req) =>
    setPublishingPaused({ ctx: req.ctx, actor: req.actor, paused: false }),
  );
};
