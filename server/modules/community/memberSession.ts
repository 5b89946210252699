import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context';
import { AppError, unauthenticated } from '../../errors';
import { safeEqual } from '../../crypto';
import { MEMBER_SESSION_DAYS } from './commands/startMemberSession';
import type { MemberViewer, Viewer } from './policies';
import { resolveMemberSession } from './queries/resolveMemberSession';

/** Community members have their own cookie, never the team's, so neither session can act as the other. */
export const MEMBER_COOKIE = 'tandem_community';
/** Header carrying the member session's CSRF token on writes (the team uses x-csrf-token). */
export const MEMBER_CSRF_HEADER = 'x-community-csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function setMemberCookie(reply: FastifyReply, ctx: AppContext, value: string): void {
  reply.setCookie(MEMBER_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure: ctx.publicUrl.startsWith('https://'), path: '/', maxAge: MEMBER_SESSION_DAYS * 86_400 });
}

export function clearMemberCookie(reply: FastifyReply): void {
  reply.clearCookie(MEMBER_COOKIE, { path: '/' });
}

/**
 * Who reads: the member of this community behind the cookie, else anonymous. A session of
 * another community counts as no session. Writes by a member must carry the CSRF header.
 */
export async function viewerOf(req: FastifyRequest, workspaceId: string): Promise<Viewer> {
  const cookie = req.cookies[MEMBER_COOKIE];
  const member = cookie ? await resolveMemberSession(req.ctx.db, workspaceId, cookie) : null;
  if (!member) return { kind: 'anonymous', workspaceId };
  if (!SAFE_METHODS.has(req.method)) {
    const sent = req.headers[MEMBER_CSRF_HEADER];
    if (typeof sent !== 'string' || !safeEqual(sent, member.csrfToken)) {
      throw new AppError('CSRF_FAILED', 'This request lacks the security token of your community session. Reload the page and try again.');
    }
  }
  return member;
}

export async function requireMember(req: FastifyRequest, workspaceId: string): Promise<MemberViewer> {
  const viewer = await viewerOf(req, workspaceId);
  if (viewer.kind !== 'member') throw unauthenticated('Sign in to the community first.');
  return viewer;
}
