import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Ok } from '../../../shared/contracts/common';
import {
  AcceptAnswerBody,
  BookmarkList,
  CreateReplyBody,
  CreateThreadBody,
  EditPostBody,
  MemberMe,
  MemberSignInBody,
  MemberSignUpBody,
  Post,
  PostRevisions,
  PublicCommunity,
  MemberProfilePage,
  MemberSearchQuery,
  Reaction,
  ReactionSummary,
  SearchResults,
  SpaceList,
  SpaceWithThreads,
  Thread,
  ThreadMarks,
  UpdateMemberBody,
} from '../../../shared/contracts/community';
import { CommunityEvent, EventInput, RsvpBody } from '../../../shared/contracts/communityEvents';
import { Poll, PollInput, VoteBody } from '../../../shared/contracts/communityPolls';
import { communityAccountRoutes } from './accountRoutes';
import { acknowledgeGuidelines } from './commands/acknowledgeGuidelines';
import { addEvent } from './commands/addEvent';
import { addPoll } from './commands/addPoll';
import { deletePost } from './commands/deletePost';
import { editPost } from './commands/editPost';
import { replyToThread } from './commands/replyToThread';
import { setAcceptedAnswer } from './commands/setAcceptedAnswer';
import { setReaction } from './commands/setReaction';
import { setThreadMark } from './commands/setThreadMark';
import { signInMember } from './commands/signInMember';
import { signOutMember } from './commands/signOutMember';
import { signUpMember } from './commands/signUpMember';
import { startThread } from './commands/startThread';
import { updateMemberProfile } from './commands/updateMemberProfile';
import { rsvpEvent } from './commands/rsvpEvent';
import { votePoll } from './commands/votePoll';
import { communityPublicGuardrailRoutes } from './publicGuardrailRoutes';
import { clearMemberCookie, requireMember, setMemberCookie, viewerOf } from './memberSession';
import { presentMe, presentPublicCommunity } from './presenters';
import { findCommunity } from './queries/findCommunity';
import { getEvent } from './queries/getEvent';
import { getPoll } from './queries/getPoll';
import { getPublicProfile } from './queries/getPublicProfile';
import { getSpaceWithThreads } from './queries/getSpaceWithThreads';
import { getThread } from './queries/getThread';
import { listBookmarks } from './queries/listBookmarks';
import { listPostRevisions } from './queries/listPostRevisions';
import { listSpaces } from './queries/listSpaces';
import { searchCommunity } from './queries/searchCommunity';
import { renderEventIcs } from './queries/renderEventIcs';
import { communityNotificationRoutes } from './notificationRoutes';

const tags = ['community (members)'];
// `communityId` is the workspace's id; not named workspaceId because these routes are outside the team's gate.
const base = '/api/communities/:communityId';
const CommunityParams = z.strictObject({ communityId: z.uuid('That is not a community id.') });
const SpaceParams = CommunityParams.extend({ slug: z.string().max(60) });
const ThreadParams = CommunityParams.extend({ threadId: z.uuid('That is not a thread id.') });
const PostParams = CommunityParams.extend({ postId: z.uuid('That is not a post id.') });
const MemberParams = CommunityParams.extend({ memberId: z.uuid('That is not a member id.') });
const DeleteResult = Ok.extend({ threadDeleted: z.boolean() });
const ReactionParams = PostParams.extend({ reaction: Reaction });
const MarkParams = ThreadParams.extend({ mark: z.enum(['bookmark', 'follow'], { error: 'Mark a thread with bookmark or follow.' }) });

/** The community as its members and the public use it: own accounts, own session cookie. */
export const communityPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const loginLimit = { rateLimit: { max: app.loginMaxPerMinute, timeWindow: '1 minute' } };
  // Every route answers "not found" until the team has set the community up.
  app.addHook('preHandler', async (req) => {
    await findCommunity(req.ctx.db, (req.params as { communityId: string }).communityId);
  });
  await app.register(communityNotificationRoutes);
  await communityPublicGuardrailRoutes(app, {});
  await communityAccountRoutes(app, {});

  app.get(base, { schema: { tags, summary: 'The community: name, description, guidelines', params: CommunityParams, response: { 200: PublicCommunity } } }, async (req) =>
    presentPublicCommunity(await findCommunity(req.ctx.db, req.params.communityId)),
  );

  app.post(`${base}/signup`, { config: loginLimit, schema: { tags, summary: 'Join the community with email and password, signed in at once', params: CommunityParams, body: MemberSignUpBody, response: { 201: MemberMe } } }, async (req, reply) => {
    const { member, session } = await signUpMember({ ctx: req.ctx, workspaceId: req.params.communityId, ...req.body, meta: req.meta });
    setMemberCookie(reply, req.ctx, session.cookie);
    return reply.code(201).send(presentMe(member, session.csrfToken));
  });

  app.post(`${base}/signin`, { config: loginLimit, schema: { tags, summary: 'Sign in as a member', params: CommunityParams, body: MemberSignInBody, response: { 200: MemberMe } } }, async (req, reply) => {
    const { member, session } = await signInMember({ ctx: req.ctx, workspaceId: req.params.communityId, ...req.body, meta: req.meta });
    setMemberCookie(reply, req.ctx, session.cookie);
    return presentMe(member, session.csrfToken);
  });

  app.post(`${base}/signout`, { schema: { tags, summary: 'End this member session', params: CommunityParams, response: { 200: Ok } } }, async (req, reply) => {
    const viewer = await viewerOf(req, req.params.communityId);
    if (viewer.kind === 'member') await signOutMember(req.ctx.db, viewer.sessionId);
    clearMemberCookie(reply);
    return { ok: true as const };
  });

  app.get(`${base}/me`, { schema: { tags, summary: 'The signed-in member, with the CSRF token for writes', params: CommunityParams, response: { 200: MemberMe } } }, async (req) => {
    const viewer = await requireMember(req, req.params.communityId);
    return presentMe(viewer.member, viewer.csrfToken);
  });

  app.patch(`${base}/me`, { schema: { tags, summary: 'Update your profile and notification preferences', params: CommunityParams, body: UpdateMemberBody, response: { 200: MemberMe } } }, async (req) =>
    updateMemberProfile({ ctx: req.ctx, viewer: await requireMember(req, req.params.communityId), input: req.body }),
  );

  app.post(`${base}/guidelines/acknowledge`, { schema: { tags, summary: 'Acknowledge the community guidelines (needed before a first post)', params: CommunityParams, response: { 200: MemberMe } } }, async (req) =>
    acknowledgeGuidelines(req.ctx.db, await requireMember(req, req.params.communityId)),
  );

  app.get(`${base}/members/:memberId`, { schema: { tags, summary: "A member's public profile with their badges", params: MemberParams, response: { 200: MemberProfilePage } } }, async (req) =>
    getPublicProfile(req.ctx.db, req.params.communityId, req.params.memberId),
  );

  app.get(`${base}/spaces`, { schema: { tags, summary: 'The spaces you may read', params: CommunityParams, response: { 200: SpaceList } } }, async (req) =>
    listSpaces(req.ctx.db, await viewerOf(req, req.params.communityId)),
  );

  app.get(`${base}/spaces/:slug`, { schema: { tags, summary: 'A space and its latest threads', params: SpaceParams, response: { 200: SpaceWithThreads } } }, async (req) =>
    getSpaceWithThreads(req.ctx.db, await viewerOf(req, req.params.communityId), { slug: req.params.slug }),
  );

  app.post(`${base}/spaces/:slug/threads`, { schema: { tags, summary: 'Start a thread (pending when the space asks for approval)', params: SpaceParams, body: CreateThreadBody, response: { 201: Thread } } }, async (req, reply) => {
    const writer = await requireMember(req, req.params.communityId);
    return reply.code(201).send(await startThread({ ctx: req.ctx, writer, space: { slug: req.params.slug }, ...req.body }));
  });

  app.get(`${base}/threads/:threadId`, { schema: { tags, summary: 'A thread and its replies', params: ThreadParams, response: { 200: Thread } } }, async (req) =>
    getThread(req.ctx.db, await viewerOf(req, req.params.communityId), req.params.threadId),
  );

  app.put(`${base}/threads/:threadId/accepted-answer`, { schema: { tags, summary: 'Q&A spaces: accept a reply to your question as its answer', params: ThreadParams, body: AcceptAnswerBody, response: { 200: Thread } } }, async (req) =>
    setAcceptedAnswer({ ctx: req.ctx, writer: await requireMember(req, req.params.communityId), threadId: req.params.threadId, postId: req.body.postId }),
  );

  app.delete(`${base}/threads/:threadId/accepted-answer`, { schema: { tags, summary: 'Q&A spaces: take the acceptance back', params: ThreadParams, response: { 200: Thread } } }, async (req) =>
    setAcceptedAnswer({ ctx: req.ctx, writer: await requireMember(req, req.params.communityId), threadId: req.params.threadId, postId: null }),
  );

  app.get(`${base}/threads/:threadId/poll`, { schema: { tags, summary: "The thread's poll; results as its visibility allows", params: ThreadParams, response: { 200: Poll } } }, async (req) =>
    getPoll(req.ctx.db, await viewerOf(req, req.params.communityId), req.params.threadId),
  );

  app.post(`${base}/threads/:threadId/poll`, { schema: { tags, summary: 'Add a poll to your thread (one per thread)', params: ThreadParams, body: PollInput, response: { 201: Poll } } }, async (req, reply) => {
    const writer = await requireMember(req, req.params.communityId);
    return reply.code(201).send(await addPoll({ ctx: req.ctx, writer, threadId: req.params.threadId, input: req.body }));
  });

  app.put(`${base}/threads/:threadId/poll/vote`, { schema: { tags, summary: 'Vote, or replace your vote', params: ThreadParams, body: VoteBody, response: { 200: Poll } } }, async (req) =>
    votePoll({ ctx: req.ctx, viewer: await requireMember(req, req.params.communityId), threadId: req.params.threadId, choices: req.body.choices }),
  );

  app.get(`${base}/threads/:threadId/event`, { schema: { tags, summary: "The thread's event with its answers", params: ThreadParams, response: { 200: CommunityEvent } } }, async (req) =>
    getEvent(req.ctx.db, await viewerOf(req, req.params.communityId), req.params.threadId),
  );

  app.get(`${base}/threads/:threadId/event.ics`, { schema: { tags, summary: 'The event as an iCalendar file (text/calendar)', params: ThreadParams } }, async (req, reply) => {
    const text = await renderEventIcs(req.ctx, await viewerOf(req, req.params.communityId), req.params.threadId);
    return reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="event.ics"').send(text);
  });

  app.post(`${base}/threads/:threadId/event`, { schema: { tags, summary: 'Add an event to your thread (one per thread)', params: ThreadParams, body: EventInput, response: { 201: CommunityEvent } } }, async (req, reply) => {
    const writer = await requireMember(req, req.params.communityId);
    return reply.code(201).send(await addEvent({ ctx: req.ctx, writer, threadId: req.params.threadId, input: req.body }));
  });

  app.put(`${base}/threads/:threadId/event/rsvp`, { schema: { tags, summary: 'Answer going, interested or not going (going is refused when full)', params: ThreadParams, body: RsvpBody, response: { 200: CommunityEvent } } }, async (req) =>
    rsvpEvent({ ctx: req.ctx, viewer: await requireMember(req, req.params.communityId), threadId: req.params.threadId, status: req.body.status }),
  );

  app.post(`${base}/threads/:threadId/replies`, { schema: { tags, summary: 'Reply to a thread, optionally to one of its posts', params: ThreadParams, body: CreateReplyBody, response: { 201: Post } } }, async (req, reply) => {
    const writer = await requireMember(req, req.params.communityId);
    return reply.code(201).send(await replyToThread({ ctx: req.ctx, writer, threadId: req.params.threadId, ...req.body }));
  });

  app.patch(`${base}/posts/:postId`, { schema: { tags, summary: 'Edit your post (the earlier versions are kept)', params: PostParams, body: EditPostBody, response: { 200: Post } } }, async (req) =>
    editPost({ ctx: req.ctx, writer: await requireMember(req, req.params.communityId), postId: req.params.postId, ...req.body }),
  );

  app.get(`${base}/posts/:postId/revisions`, { schema: { tags, summary: 'Every version of a post', params: PostParams, response: { 200: PostRevisions } } }, async (req) =>
    listPostRevisions(req.ctx.db, await viewerOf(req, req.params.communityId), req.params.postId),
  );

  app.delete(`${base}/posts/:postId`, { schema: { tags, summary: 'Delete your post (a thread when it is the opening post)', params: PostParams, response: { 200: DeleteResult } } }, async (req) =>
    deletePost({ ctx: req.ctx, writer: await requireMember(req, req.params.communityId), postId: req.params.postId }),
  );
  app.put(`${base}/posts/:postId/reactions/:reaction`, { schema: { tags, summary: 'React to a post (like, love, laugh, celebrate, thinking, coffee)', params: ReactionParams, response: { 200: ReactionSummary } } }, async (req) =>
    setReaction({ db: req.ctx.db, viewer: await requireMember(req, req.params.communityId), postId: req.params.postId, reaction: req.params.reaction, on: true }),
  );

  app.delete(`${base}/posts/:postId/reactions/:reaction`, { schema: { tags, summary: 'Take a reaction back', params: ReactionParams, response: { 200: ReactionSummary } } }, async (req) =>
    setReaction({ db: req.ctx.db, viewer: await requireMember(req, req.params.communityId), postId: req.params.postId, reaction: req.params.reaction, on: false }),
  );

  app.put(`${base}/threads/:threadId/:mark`, { schema: { tags, summary: 'Bookmark or follow a thread', params: MarkParams, response: { 200: ThreadMarks } } }, async (req) =>
    setThreadMark({ db: req.ctx.db, viewer: await requireMember(req, req.params.communityId), threadId: req.params.threadId, mark: req.params.mark, on: true }),
  );

  app.delete(`${base}/threads/:threadId/:mark`, { schema: { tags, summary: 'Remove the bookmark, or stop following', params: MarkParams, response: { 200: ThreadMarks } } }, async (req) =>
    setThreadMark({ db: req.ctx.db, viewer: await requireMember(req, req.params.communityId), threadId: req.params.threadId, mark: req.params.mark, on: false }),
  );

  app.get(`${base}/search`, { schema: { tags, summary: 'Search the threads and replies you may read, best first, with highlights', params: CommunityParams, querystring: MemberSearchQuery, response: { 200: SearchResults } } }, async (req) => {
    const { q, space, author, page, pageSize } = req.query;
    return searchCommunity({ db: req.ctx.db, viewer: await viewerOf(req, req.params.communityId), q, space: space ? { slug: space } : undefined, authorMemberId: author, page, pageSize });
  });

  app.get(`${base}/me/bookmarks`, { schema: { tags, summary: 'Your bookmarked threads, latest first', params: CommunityParams, response: { 200: BookmarkList } } }, async (req) =>
    listBookmarks(req.ctx.db, await requireMember(req, req.params.communityId)),
  );
};
