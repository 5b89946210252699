import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BlockList, FlagBody, MyFlag } from '../../../shared/contracts/communityGuardrails';
import { flagPost } from './commands/flagPost';
import { setBlock } from './commands/setBlock';
import { requireMember } from './memberSession';
import { listBlocks } from './queries/listBlocks';

const tags = ['community (members)'];
const base = '/api/communities/:communityId';
const CommunityParams = z.strictObject({ communityId: z.uuid('That is not a community id.') });
const PostParams = CommunityParams.extend({ postId: z.uuid('That is not a post id.') });
const MemberParams = CommunityParams.extend({ memberId: z.uuid('That is not a member id.') });

/** Members' guardrails: flagging posts, blocking members. Registered inside the public routes (their hooks apply). */
export const communityPublicGuardrailRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(`${base}/posts/:postId/flags`, { schema: { tags, summary: 'Flag a post for the moderators (once per post; a message is required for something_else)', params: PostParams, body: FlagBody, response: { 201: MyFlag } } }, async (req, reply) =>
    reply.code(201).send(await flagPost({ ctx: req.ctx, viewer: await requireMember(req, req.params.communityId), postId: req.params.postId, input: req.body })),
  );

  app.get(`${base}/me/blocks`, { schema: { tags, summary: 'The members you blocked', params: CommunityParams, response: { 200: BlockList } } }, async (req) =>
    listBlocks(req.ctx.db, await requireMember(req, req.params.communityId)),
  );

  app.put(`${base}/me/blocks/:memberId`, { schema: { tags, summary: "Block a member: their posts become placeholders for you and they cannot reply to yours", params: MemberParams, response: { 200: BlockList } } }, async (req) =>
    setBlock({ db: req.ctx.db, viewer: await requireMember(req, req.params.communityId), memberId: req.params.memberId, on: true }),
  );

  app.delete(`${base}/me/blocks/:memberId`, { schema: { tags, summary: 'Unblock a member', params: MemberParams, response: { 200: BlockList } } }, async (req) =>
    setBlock({ db: req.ctx.db, viewer: await requireMember(req, req.params.communityId), memberId: req.params.memberId, on: false }),
  );
};
