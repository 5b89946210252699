import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FlaggedPosts, FlagResolution, HideBody, MemberStanding, PostModeration, ResolveFlagsBody, SilenceBody, ThreadLock } from '../../../shared/contracts/communityGuardrails';
import { WorkspaceParams } from '../../http/params';
import { liftSilence } from './commands/liftSilence';
import { resolveFlags } from './commands/resolveFlags';
import { setPostHidden } from './commands/setPostHidden';
import { setThreadLocked } from './commands/setThreadLocked';
import { silenceMember } from './commands/silenceMember';
import { staffOf } from './policies';
import { getMemberStanding } from './queries/getMemberStanding';
import { listFlaggedPosts } from './queries/listFlaggedPosts';

const tags = ['community (team)'];
const base = '/api/workspaces/:workspaceId/community';
const PostParams = WorkspaceParams.extend({ postId: z.uuid('That is not a post id.') });
const ThreadParams = WorkspaceParams.extend({ threadId: z.uuid('That is not a thread id.') });
const MemberParams = WorkspaceParams.extend({ memberId: z.uuid('That is not a member id.') });
const moderate = { action: 'community.moderate' } as const;

/** Guardrails for the moderators: flags, hiding, locking, silencing. */
export const communityGuardrailRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(`${base}/flags`, { config: moderate, schema: { tags, summary: 'Open flags grouped by post, most flagged first', params: WorkspaceParams, response: { 200: FlaggedPosts } } }, async (req) =>
    listFlaggedPosts(req.ctx.db, staffOf(req.actor)),
  );

  app.post(`${base}/posts/:postId/flags/resolve`, { config: moderate, schema: { tags, summary: "Resolve a post's open flags: agree hides the post, disagree dismisses them", params: PostParams, body: ResolveFlagsBody, response: { 200: FlagResolution } } }, async (req) =>
    resolveFlags({ ctx: req.ctx, staff: staffOf(req.actor), postId: req.params.postId, decision: req.body.decision }),
  );

  app.post(`${base}/posts/:postId/hide`, { config: moderate, schema: { tags, summary: 'Hide a post (a thread, for its opening post): members see a placeholder', params: PostParams, body: HideBody.nullish(), response: { 200: PostModeration } } }, async (req) =>
    setPostHidden({ ctx: req.ctx, staff: staffOf(req.actor), postId: req.params.postId, hidden: true, reason: req.body?.reason }),
  );

  app.post(`${base}/posts/:postId/unhide`, { config: moderate, schema: { tags, summary: 'Show a hidden post again', params: PostParams, response: { 200: PostModeration } } }, async (req) =>
    setPostHidden({ ctx: req.ctx, staff: staffOf(req.actor), postId: req.params.postId, hidden: false }),
  );

  app.post(`${base}/threads/:threadId/lock`, { config: moderate, schema: { tags, summary: 'Lock a thread: members can no longer reply', params: ThreadParams, response: { 200: ThreadLock } } }, async (req) =>
    setThreadLocked({ ctx: req.ctx, staff: staffOf(req.actor), threadId: req.params.threadId, locked: true }),
  );

  app.post(`${base}/threads/:threadId/unlock`, { config: moderate, schema: { tags, summary: 'Unlock a thread', params: ThreadParams, response: { 200: ThreadLock } } }, async (req) =>
    setThreadLocked({ ctx: req.ctx, staff: staffOf(req.actor), threadId: req.params.threadId, locked: false }),
  );

  app.get(`${base}/members/:memberId/standing`, { config: moderate, schema: { tags, summary: "A member's trust level, silence and flags received", params: MemberParams, response: { 200: MemberStanding } } }, async (req) =>
    getMemberStanding(req.ctx.db, req.actor.workspaceId, req.params.memberId),
  );

  app.put(`${base}/members/:memberId/silence`, { config: moderate, schema: { tags, summary: 'Silence a member (they read but cannot post, react, vote or flag), until a date or until lifted', params: MemberParams, body: SilenceBody, response: { 200: MemberStanding } } }, async (req) =>
    silenceMember({ ctx: req.ctx, staff: staffOf(req.actor), memberId: req.params.memberId, until: req.body.until, reason: req.body.reason }),
  );

  app.delete(`${base}/members/:memberId/silence`, { config: moderate, schema: { tags, summary: "Lift a member's silence", params: MemberParams, response: { 200: MemberStanding } } }, async (req) =>
    liftSilence({ ctx: req.ctx, staff: staffOf(req.actor), memberId: req.params.memberId }),
  );
};
