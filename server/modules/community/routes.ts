import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Ok } from '../../../shared/contracts/common';
import {
  AcceptAnswerBody,
  Community,
  CreateSpaceBody,
  EditPostBody,
  MemberList,
  PendingPosts,
  Post,
  PutCommunityBody,
  SearchResults,
  Space,
  SpaceList,
  SpaceWithThreads,
  StaffCreateReplyBody,
  StaffCreateThreadBody,
  TeamSearchQuery,
  Thread,
  UpdateSpaceBody,
} from '../../../shared/contracts/community';
import { CommunityEvent, EventInput } from '../../../shared/contracts/communityEvents';
import { Poll, PollInput } from '../../../shared/contracts/communityPolls';
import { WorkspaceParams } from '../../http/params';
import { addEvent } from './commands/addEvent';
import { addPoll } from './commands/addPoll';
import { approvePost } from './commands/approvePost';
import { createSpace } from './commands/createSpace';
import { deletePost } from './commands/deletePost';
import { editPost } from './commands/editPost';
import { inviteToSpace } from './commands/inviteToSpace';
import { removeSpaceInvite } from './commands/removeSpaceInvite';
import { replyToThread } from './commands/replyToThread';
import { setAcceptedAnswer } from './commands/setAcceptedAnswer';
import { setUpCommunity } from './commands/setUpCommunity';
import { updateSpace } from './commands/updateSpace';
import { startThread } from './commands/startThread';
import { staffOf } from './policies';
import { communityRitualRoutes } from './ritualRoutes';
import { communityGuardrailRoutes } from './guardrailRoutes';
import { communityPersonaRoutes } from './personaRoutes';
import { presentCommunity } from './presenters';
import { findCommunity } from './queries/findCommunity';
import { getEvent } from './queries/getEvent';
import { getPoll } from './queries/getPoll';
import { getSpaceWithThreads } from './queries/getSpaceWithThreads';
import { getThread } from './queries/getThread';
import { listMembers } from './queries/listMembers';
import { listPendingPosts } from './queries/listPendingPosts';
import { listSpaceInvites } from './queries/listSpaceInvites';
import { listSpaces } from './queries/listSpaces';
import { searchCommunity } from './queries/searchCommunity';

const tags = ['community (team)'];
const base = '/api/workspaces/:workspaceId/community';
const SpaceParams = WorkspaceParams.extend({ spaceId: z.uuid('That is not a space id.') });
const InviteParams = SpaceParams.extend({ memberId: z.uuid('That is not a member id.') });
const ThreadParams = WorkspaceParams.extend({ threadId: z.uuid('That is not a thread id.') });
const PostParams = WorkspaceParams.extend({ postId: z.uuid('That is not a post id.') });
const DeleteResult = Ok.extend({ threadDeleted: z.boolean() });
const MembersQuery = z.strictObject({ q: z.string().trim().max(60).optional() });

/** The community as the team runs it: settings, spaces, staff posts, the approval queue. */
export const communityTeamRoutes: FastifyPluginAsyncZod = async (app) => {
  await communityRitualRoutes(app, {});
  await communityGuardrailRoutes(app, {});
  await communityPersonaRoutes(app, {});
  app.get(base, { config: { action: 'community.read' }, schema: { tags, summary: "The workspace's community settings (404 until set up)", params: WorkspaceParams, response: { 200: Community } } }, async (req) =>
    presentCommunity(await findCommunity(req.ctx.db, req.actor.workspaceId)),
  );

  app.put(base, { config: { action: 'community.manage' }, schema: { tags, summary: 'Set up the community or change its settings and guidelines', params: WorkspaceParams, body: PutCommunityBody, response: { 200: Community } } }, async (req) =>
    setUpCommunity({ ctx: req.ctx, actor: req.actor, ...req.body }),
  );

  app.get(`${base}/spaces`, { config: { action: 'community.read' }, schema: { tags, summary: 'Every space, private ones included', params: WorkspaceParams, response: { 200: SpaceList } } }, async (req) =>
    listSpaces(req.ctx.db, staffOf(req.actor)),
  );

  app.post(`${base}/spaces`, { config: { action: 'community.manage' }, schema: { tags, summary: 'Create a space', params: WorkspaceParams, body: CreateSpaceBody, response: { 201: Space } } }, async (req, reply) =>
    reply.code(201).send(await createSpace({ ctx: req.ctx, actor: req.actor, input: req.body })),
  );

  app.get(`${base}/spaces/:spaceId`, { config: { action: 'community.read' }, schema: { tags, summary: 'A space and its latest threads, pending ones included', params: SpaceParams, response: { 200: SpaceWithThreads } } }, async (req) =>
    getSpaceWithThreads(req.ctx.db, staffOf(req.actor), { spaceId: req.params.spaceId }),
  );

  app.patch(`${base}/spaces/:spaceId`, { config: { action: 'community.manage' }, schema: { tags, summary: 'Change a space', params: SpaceParams, body: UpdateSpaceBody, response: { 200: Space } } }, async (req) =>
    updateSpace({ ctx: req.ctx, actor: req.actor, spaceId: req.params.spaceId, input: req.body }),
  );

  app.get(`${base}/spaces/:spaceId/invites`, { config: { action: 'community.read' }, schema: { tags, summary: 'The members invited to a space', params: SpaceParams, response: { 200: MemberList } } }, async (req) =>
    listSpaceInvites(req.ctx.db, req.actor.workspaceId, req.params.spaceId),
  );

  app.put(`${base}/spaces/:spaceId/invites/:memberId`, { config: { action: 'community.manage' }, schema: { tags, summary: 'Let a member see a private space', params: InviteParams, response: { 200: Ok } } }, async (req) =>
    inviteToSpace({ ctx: req.ctx, actor: req.actor, spaceId: req.params.spaceId, memberId: req.params.memberId }),
  );

  app.delete(`${base}/spaces/:spaceId/invites/:memberId`, { config: { action: 'community.manage' }, schema: { tags, summary: 'Take a private space away from a member', params: InviteParams, response: { 200: Ok } } }, async (req) =>
    removeSpaceInvite({ ctx: req.ctx, actor: req.actor, spaceId: req.params.spaceId, memberId: req.params.memberId }),
  );

  app.post(`${base}/spaces/:spaceId/threads`, { config: { action: 'community.post' }, schema: { tags, summary: 'Start a thread as yourself or as a persona (personaId), with the staff badge', params: SpaceParams, body: StaffCreateThreadBody, response: { 201: Thread } } }, async (req, reply) => {
    const { personaId, ...input } = req.body;
    return reply.code(201).send(await startThread({ ctx: req.ctx, writer: { ...staffOf(req.actor), personaId }, space: { spaceId: req.params.spaceId }, ...input }));
  });

  app.get(`${base}/threads/:threadId`, { config: { action: 'community.read' }, schema: { tags, summary: 'A thread with every reply, pending ones included', params: ThreadParams, response: { 200: Thread } } }, async (req) =>
    getThread(req.ctx.db, staffOf(req.actor), req.params.threadId),
  );

  app.put(`${base}/threads/:threadId/accepted-answer`, { config: { action: 'community.post' }, schema: { tags, summary: 'Q&A spaces: accept a reply as the answer (replaces any other)', params: ThreadParams, body: AcceptAnswerBody, response: { 200: Thread } } }, async (req) =>
    setAcceptedAnswer({ ctx: req.ctx, writer: staffOf(req.actor), threadId: req.params.threadId, postId: req.body.postId }),
  );

  app.delete(`${base}/threads/:threadId/accepted-answer`, { config: { action: 'community.post' }, schema: { tags, summary: 'Q&A spaces: take the acceptance back', params: ThreadParams, response: { 200: Thread } } }, async (req) =>
    setAcceptedAnswer({ ctx: req.ctx, writer: staffOf(req.actor), threadId: req.params.threadId, postId: null }),
  );

  app.get(`${base}/threads/:threadId/poll`, { config: { action: 'community.read' }, schema: { tags, summary: "The thread's poll with its results (staff always see them)", params: ThreadParams, response: { 200: Poll } } }, async (req) =>
    getPoll(req.ctx.db, staffOf(req.actor), req.params.threadId),
  );

  app.post(`${base}/threads/:threadId/poll`, { config: { action: 'community.post' }, schema: { tags, summary: 'Add a poll to a thread (one per thread)', params: ThreadParams, body: PollInput, response: { 201: Poll } } }, async (req, reply) =>
    reply.code(201).send(await addPoll({ ctx: req.ctx, writer: staffOf(req.actor), threadId: req.params.threadId, input: req.body })),
  );

  app.get(`${base}/threads/:threadId/event`, { config: { action: 'community.read' }, schema: { tags, summary: "The thread's event with its answers", params: ThreadParams, response: { 200: CommunityEvent } } }, async (req) =>
    getEvent(req.ctx.db, staffOf(req.actor), req.params.threadId),
  );

  app.post(`${base}/threads/:threadId/event`, { config: { action: 'community.post' }, schema: { tags, summary: 'Add an event to a thread (one per thread)', params: ThreadParams, body: EventInput, response: { 201: CommunityEvent } } }, async (req, reply) =>
    reply.code(201).send(await addEvent({ ctx: req.ctx, writer: staffOf(req.actor), threadId: req.params.threadId, input: req.body })),
  );

  app.post(`${base}/threads/:threadId/replies`, { config: { action: 'community.post' }, schema: { tags, summary: 'Reply as yourself or as a persona (personaId), with the staff badge', params: ThreadParams, body: StaffCreateReplyBody, response: { 201: Post } } }, async (req, reply) => {
    const { personaId, ...input } = req.body;
    return reply.code(201).send(await replyToThread({ ctx: req.ctx, writer: { ...staffOf(req.actor), personaId }, threadId: req.params.threadId, ...input }));
  });

  app.patch(`${base}/posts/:postId`, { config: { action: 'community.post' }, schema: { tags, summary: 'Edit your own staff post (the earlier versions are kept)', params: PostParams, body: EditPostBody, response: { 200: Post } } }, async (req) =>
    editPost({ ctx: req.ctx, writer: staffOf(req.actor), postId: req.params.postId, ...req.body }),
  );

  app.get(`${base}/members`, { config: { action: 'community.read' }, schema: { tags, summary: "The community's members, newest first (?q= filters by name)", params: WorkspaceParams, querystring: MembersQuery, response: { 200: MemberList } } }, async (req) =>
    listMembers(req.ctx.db, req.actor.workspaceId, req.query),
  );

  app.get(`${base}/search`, { config: { action: 'community.read' }, schema: { tags, summary: 'Search threads and replies (pending ones included), best first, with highlights', params: WorkspaceParams, querystring: TeamSearchQuery, response: { 200: SearchResults } } }, async (req) => {
    const { q, spaceId, author, page, pageSize } = req.query;
    return searchCommunity({ db: req.ctx.db, viewer: staffOf(req.actor), q, space: spaceId ? { spaceId } : undefined, authorMemberId: author, page, pageSize });
  });

  app.get(`${base}/pending`, { config: { action: 'community.moderate' }, schema: { tags, summary: 'Threads and replies waiting for approval, oldest first', params: WorkspaceParams, response: { 200: PendingPosts } } }, async (req) =>
    listPendingPosts(req.ctx.db, staffOf(req.actor)),
  );

  app.post(`${base}/posts/:postId/approve`, { config: { action: 'community.moderate' }, schema: { tags, summary: 'Publish a pending thread or reply', params: PostParams, response: { 200: Post } } }, async (req) =>
    approvePost({ ctx: req.ctx, staff: staffOf(req.actor), postId: req.params.postId }),
  );

  app.delete(`${base}/posts/:postId`, { config: { action: 'community.moderate' }, schema: { tags, summary: 'Delete any post (soft: shown as deleted)', params: PostParams, response: { 200: DeleteResult } } }, async (req) =>
    deletePost({ ctx: req.ctx, writer: staffOf(req.actor), postId: req.params.postId }),
  );
};
