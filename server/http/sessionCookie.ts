import type { FastifyReply } from 'fastify';
import type { AppContext } from '../context';
import { SESSION_DAYS } from '../modules/identity';

export const SESSION_COOKIE = 'tandem_session';

export function setSessionCookie(reply: FastifyReply, ctx: AppContext, value: string): void {
  reply.setCookie(SESSION_COOKIE, value, {
    httpOnly: true,
    // Lax, not Strict: links in emails (reset, invitation) must arrive signed in.
    sameSite: 'lax',
    secure: ctx.publicUrl.startsWith('https://'),
    path: '/',
    maxAge: SESSION_DAYS * 86_400,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
