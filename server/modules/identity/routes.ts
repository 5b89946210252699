import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Ok } from '../../../shared/contracts/common';
import { Me, PasswordResetConfirmBody, PasswordResetRequestBody, SignInBody, SignUpBody, TotpCodeBody, TotpSetup, UpdateMeBody } from '../../../shared/contracts/auth';
import { AppError } from '../../errors';
import type { Auth } from '../../context';
import { clearSessionCookie, setSessionCookie } from '../../http/sessionCookie';
import { signUp } from './commands/signUp';
import { signIn } from './commands/signIn';
import { signOut } from './commands/signOut';
import { requestPasswordReset } from './commands/requestPasswordReset';
import { resetPassword } from './commands/resetPassword';
import { updateProfile } from './commands/updateProfile';
import { disableTotp, enableTotp, setupTotp } from './commands/totp';
import { getMe } from './queries/getMe';

const tags = ['auth'];
const isLoopback = (addr: string | undefined) => !!addr && (addr === '::1' || addr.startsWith('127.') || addr.startsWith('::ffff:127.'));

function sessionAuth(user: { id: string; name: string }, session: { sessionId: string; csrfToken: string }): Auth {
  return { userId: user.id, userName: user.name, via: 'session', sessionId: session.sessionId, csrfToken: session.csrfToken };
}

export const identityRoutes: FastifyPluginAsyncZod = async (app) => {
  const loginLimit = { rateLimit: { max: app.loginMaxPerMinute, timeWindow: '1 minute' } };

  app.post('/api/auth/signup', { config: loginLimit, schema: { tags, summary: 'Create an account and sign in', body: SignUpBody, response: { 201: Me } } }, async (req, reply) => {
    const { user, session } = await signUp({ ctx: req.ctx, ...req.body, meta: req.meta });
    setSessionCookie(reply, req.ctx, session.cookie);
    return reply.code(201).send(await getMe(req.ctx.db, sessionAuth(user, session)));
  });

  app.post('/api/auth/signin', { config: loginLimit, schema: { tags, summary: 'Sign in with email, password and (when enabled) a TOTP code', body: SignInBody, response: { 200: Me } } }, async (req, reply) => {
    const { user, session } = await signIn({ ctx: req.ctx, ...req.body, meta: req.meta });
    setSessionCookie(reply, req.ctx, session.cookie);
    return getMe(req.ctx.db, sessionAuth(user, session));
  });

  app.post('/api/auth/signout', { schema: { tags, summary: 'End this session', response: { 200: Ok } } }, async (req, reply) => {
    if (req.auth?.sessionId) await signOut(req.ctx.db, req.auth.sessionId);
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  app.post('/api/auth/password-reset/request', { config: loginLimit, schema: { tags, summary: 'Email a password reset link (always answers 202)', body: PasswordResetRequestBody, response: { 202: Ok } } }, async (req, reply) => {
    await requestPasswordReset({ ctx: req.ctx, email: req.body.email, meta: req.meta });
    return reply.code(202).send({ ok: true as const });
  });

  app.post('/api/auth/password-reset/confirm', { config: loginLimit, schema: { tags, summary: 'Choose a new password with the emailed token', body: PasswordResetConfirmBody, response: { 200: Ok } } }, async (req) => {
    await resetPassword({ ctx: req.ctx, ...req.body, meta: req.meta });
    return { ok: true as const };
  });

  app.get('/api/me', { schema: { tags, summary: 'The signed-in person, their workspaces and CSRF token', response: { 200: Me } } }, async (req) => getMe(req.ctx.db, req.requireAuth()));

  app.patch('/api/me', { schema: { tags, summary: 'Update name or interface language', body: UpdateMeBody, response: { 200: Me } } }, async (req) => {
    const auth = req.requireAuth();
    await updateProfile({ db: req.ctx.db, userId: auth.userId, ...req.body });
    return getMe(req.ctx.db, auth);
  });

  app.post('/api/me/totp/setup', { schema: { tags, summary: 'Start two-factor setup: a secret and its QR code', response: { 200: TotpSetup } } }, async (req) => setupTotp(req.ctx, req.requireAuth({ sessionOnly: true })));

  app.post('/api/me/totp/enable', { schema: { tags, summary: 'Turn two-factor sign-in on with a current code', body: TotpCodeBody, response: { 200: Me } } }, async (req) => {
    const auth = req.requireAuth({ sessionOnly: true });
    await enableTotp(req.ctx, auth, req.body.code, req.meta);
    return getMe(req.ctx.db, auth);
  });

  app.post('/api/me/totp/disable', { schema: { tags, summary: 'Turn two-factor sign-in off with a current code', body: TotpCodeBody, response: { 200: Me } } }, async (req) => {
    const auth = req.requireAuth({ sessionOnly: true });
    await disableTotp(req.ctx, auth, req.body.code, req.meta);
    return getMe(req.ctx.db, auth);
  });

  app.get('/api/dev/outbox', { schema: { tags: ['dev'], summary: 'Emails kept locally when no SMTP server is configured', response: { 200: z.object({ emails: z.array(z.object({ id: z.string(), to: z.string(), subject: z.string(), text: z.string(), html: z.string(), createdAt: z.string() })) }) } } }, async (req) => {
    // Reset and invitation links are in there: only a person at this machine may read them.
    if (!isLoopback(req.socket.remoteAddress)) throw new AppError('NOT_FOUND', 'The outbox can only be read from the machine Tandem runs on.');
    const emails = await req.ctx.mailer.outbox();
    if (!emails) throw new AppError('NOT_FOUND', 'Email is sent by SMTP on this Tandem; there is no local outbox.');
    return { emails };
  });
};
