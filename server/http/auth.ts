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
  interface FastifyContextConfig {
    /** Workspace routes name the matrix action they need; the gate runs before validation. */
    action?: Action;
    sessionOnly?: boolean;
  }
  interface FastifyRequest {
    /** Set for routes with `config.action`: the caller, allowed to act in the workspace of the URL. */
    actor: Actor;
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
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('requireAuth', function requireAuth(this: { auth: Auth | null }, opts: AuthOptions = {}) {
    if (!this.auth) throw unauthenticated();
    if (opts.sessionOnly && this.auth.via !== 'session') throw new AppError('FORBIDDEN', 'API tokens cannot do this; sign in to the web app.');
    return this.auth;
  });
  app.decorateRequest('authorize', async function (this: import('fastify').FastifyRequest, workspaceId: string, action: Action, opts: AuthOptions = {}) {
    // Membership first, so an outsider's token learns nothing, not even that tokens may not do this.
    const actor = await authorize(this.ctx.db, this.requireAuth(), workspaceId, action, this.meta.ip);
    this.requireAuth(opts);
    return actor;
  });

  app.addHook('onRequest', async (req) => {
    req.ctx = ctx;
    req.meta = { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null };
    if (!req.url.startsWith('/api/')) return;
    // Community members' routes have their own session and CSRF header (server/modules/community).
    if (req.url.startsWith('/api/communities/')) return;
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

  // Authorization before validation: someone outside a workspace learns nothing about its routes.
  app.addHook('preValidation', async (req) => {
    const { action, sessionOnly } = req.routeOptions.config;
    if (!action) return;
    const workspaceId = (req.params as { workspaceId?: string }).workspaceId ?? '';
    if (!UUID.test(workspaceId)) throw new AppError('NOT_FOUND', 'That workspace was not found, or you cannot see it.');
    req.actor = await req.authorize(workspaceId, action, { sessionOnly });
  });
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
