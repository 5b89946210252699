import fp from 'fastify-plugin';
import type { Action } from '../../shared/permissions';
import type { Actor, AppContext, Auth, RequestMeta } from '../context';
import { AppError, unauthenticated } from '../errors';
import { resolveApiToken, resolveSession } from '../modules/identity';
import { authorize } from '../modules/workspaces';
import { safeEqual } from '../crypto';
import { SESSION_COOKIE } from './sessionCookie';

interface AuthOptions {
  /** Refuse API tokens: for acts that only a person at the screen should do (2FA, new tokens). */
  sessionOnly?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: AppContext;
    auth: Auth | null;
    meta: RequestMeta;
    requireAuth(opts?: AuthOptions): Auth;
    authorize(workspaceId: string, action: Action, opts?: AuthOptions): Promise<Actor>;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Reached before a session exists; their own rate limit and SameSite cookies cover them.
const CSRF_EXEMPT = new Set(['/api/auth/signin', '/api/auth/signup', '/api/auth/password-reset/request', '/api/auth/password-reset/confirm']);

/** Who is calling: a bearer API token or the session cookie; CSRF is checked for cookie writes. */
export const authPlugin = fp<{ ctx: AppContext }>(async (app, { ctx }) => {
  app.decorateRequest('ctx', null as unknown as AppContext);
  app.decorateRequest('auth', null);
  app.decorateRequest('meta', null as unknown as RequestMeta);
  app.decorateRequest('requireAuth', function requireAuth(this: { auth: Auth | null }, opts: AuthOptions = {}) {
    if (!this.auth) throw unauthenticated();
    if (opts.sessionOnly && this.auth.via !== 'session') throw new AppError('FORBIDDEN', 'API tokens cannot do this; sign in to the web app.');
    return this.auth;
  });
  app.decorateRequest('authorize', async function (this: import('fastify').FastifyRequest, workspaceId: string, action: Action, opts: AuthOptions = {}) {
    return authorize(this.ctx.db, this.requireAuth(opts), workspaceId, action, this.meta.ip);
  });

  app.addHook('onRequest', async (req) => {
    req.ctx = ctx;
    req.meta = { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null };
    if (!req.url.startsWith('/api/')) return;
    const header = req.headers.authorization;
    if (header) {
      const [scheme, value] = header.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !value) throw new AppError('UNAUTHENTICATED', 'Use "Authorization: Bearer tdm_…" with an API token.');
      req.auth = await resolveApiToken(ctx.db, value.trim());
      if (!req.auth) throw new AppError('UNAUTHENTICATED', 'This API token is unknown, revoked or expired.');
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) req.auth = await resolveSession(ctx.db, cookie);
    if (req.auth && !SAFE_METHODS.has(req.method) && !CSRF_EXEMPT.has(req.routeOptions.url ?? '')) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, req.auth.csrfToken ?? '')) {
        throw new AppError('CSRF_FAILED', 'This request lacks the security token of your session. Reload the page and try again.');
      }
    }
  });
});
