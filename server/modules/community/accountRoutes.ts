import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MemberMe } from '../../../shared/contracts/community';
import { Accepted, MagicLinkRequestBody, MemberResetConfirmBody, MemberResetRequestBody, MemberTokenBody, MemberTokenCheck, MemberTokenQuery } from '../../../shared/contracts/communityAccount';
import { requestMagicLink } from './commands/requestMagicLink';
import { requestMemberPasswordReset } from './commands/requestMemberPasswordReset';
import { resetMemberPassword } from './commands/resetMemberPassword';
import { signInWithMagicLink } from './commands/signInWithMagicLink';
import { setMemberCookie } from './memberSession';
import { presentMe } from './presenters';
import { checkMemberToken } from './queries/checkMemberToken';

const tags = ['community (members)'];
const base = '/api/communities/:communityId';
const CommunityParams = z.strictObject({ communityId: z.uuid('That is not a community id.') });
const NEUTRAL = 'If this address belongs to the community, a link is on its way. Check your inbox (and spam folder).';
const MagicSignIn = MemberMe.extend({ joined: z.boolean() });

/** Member password reset and sign-in by emailed link; registered inside the members' routes (their hooks apply). */
export const communityAccountRoutes: FastifyPluginAsyncZod = async (app) => {
  const loginLimit = { rateLimit: { max: app.loginMaxPerMinute, timeWindow: '1 minute' } };

  app.post(`${base}/password-reset/request`, { config: loginLimit, schema: { tags, summary: 'Email a password reset link (always the same 202 answer)', params: CommunityParams, body: MemberResetRequestBody, response: { 202: Accepted } } }, async (req, reply) => {
    await requestMemberPasswordReset({ ctx: req.ctx, workspaceId: req.params.communityId, ...req.body, meta: req.meta });
    return reply.code(202).send({ ok: true as const, message: NEUTRAL });
  });

  app.get(`${base}/password-reset`, { config: loginLimit, schema: { tags, summary: 'Whether a reset link still works (does not use it)', params: CommunityParams, querystring: MemberTokenQuery, response: { 200: MemberTokenCheck } } }, async (req) =>
    checkMemberToken(req.ctx.db, req.params.communityId, req.query.token, 'reset'),
  );

  app.post(`${base}/password-reset/confirm`, { config: loginLimit, schema: { tags, summary: 'Choose a new password with the emailed token: ends every other session, signs in here', params: CommunityParams, body: MemberResetConfirmBody, response: { 200: MemberMe } } }, async (req, reply) => {
    const { member, session } = await resetMemberPassword({ ctx: req.ctx, workspaceId: req.params.communityId, ...req.body, meta: req.meta });
    setMemberCookie(reply, req.ctx, session.cookie);
    return presentMe(member, session.csrfToken);
  });

  app.post(`${base}/magic-link/request`, { config: loginLimit, schema: { tags, summary: 'Email a sign-in link (15 minutes, single use; signs up new addresses when sign-ups are open)', params: CommunityParams, body: MagicLinkRequestBody, response: { 202: Accepted } } }, async (req, reply) => {
    await requestMagicLink({ ctx: req.ctx, workspaceId: req.params.communityId, ...req.body, meta: req.meta });
    return reply.code(202).send({ ok: true as const, message: NEUTRAL });
  });

  app.get(`${base}/magic-link`, { config: loginLimit, schema: { tags, summary: 'Whether a sign-in link still works and whether it signs up (does not use it)', params: CommunityParams, querystring: MemberTokenQuery, response: { 200: MemberTokenCheck } } }, async (req) =>
    checkMemberToken(req.ctx.db, req.params.communityId, req.query.token, 'magic'),
  );

  app.post(`${base}/magic-link/signin`, { config: loginLimit, schema: { tags, summary: 'Use a sign-in link: sets the member cookie', params: CommunityParams, body: MemberTokenBody, response: { 200: MagicSignIn } } }, async (req, reply) => {
    const { member, session, joined } = await signInWithMagicLink({ ctx: req.ctx, workspaceId: req.params.communityId, token: req.body.token, meta: req.meta });
    setMemberCookie(reply, req.ctx, session.cookie);
    return { ...presentMe(member, session.csrfToken), joined };
  });
};
