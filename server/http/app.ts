import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import client from 'prom-client';
import type { AppContext } from '../context';
import { loggerOptions } from '../logger';
import { auditRoutes } from '../modules/audit';
import { identityRoutes, tokenRoutes } from '../modules/identity';
import { workspaceRoutes } from '../modules/workspaces';
import { channelRoutes } from '../modules/channels';
import { inboxRoutes } from '../modules/inbox';
import { publishingRoutes } from '../modules/publishing';
import { mediaRoutes } from '../modules/media';
import { collaborationRoutes } from '../modules/collaboration';
import { schedulingRoutes } from '../modules/scheduling';
import { campaignRoutes } from '../modules/campaigns';
import { feedRoutes } from '../modules/feeds';
import { communityImageRoutes, communityPageRoutes, communityPublicRoutes, communityTeamRoutes } from '../modules/community';
import { authPlugin } from './auth';
import { installErrorHandler, installNotFoundHandler } from './errorHandler';
import { observabilityRoutes } from './observability';

declare module 'fastify' {
  interface FastifyInstance {
    loginMaxPerMinute: number;
    /** Every route with the matrix action it declares: read by the permission walk test and docs. */
    routeTable: { method: string; url: string; action?: string }[];
  }
}

export interface BuildAppOptions {
  ctx: AppContext;
  logLevel: string;
  bodyLimit: number;
  loginMaxPerMinute: number;
  /** Seconds a public community page for anonymous readers is served from memory; 0 = off. */
  communityPageCacheSeconds?: number;
  trustProxy: boolean;
  /** Built web app to serve; skipped when absent (API-only tests). */
  webDist?: string;
  registry?: client.Registry;
}

const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Composes the HTTP server: plugins, auth, module routes, errors, web app. */
export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: loggerOptions(opts.logLevel), bodyLimit: opts.bodyLimit, trustProxy: opts.trustProxy, logController: new LogController({ disableRequestLogging: opts.logLevel !== 'debug' && opts.logLevel !== 'trace' }) }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('loginMaxPerMinute', opts.loginMaxPerMinute);
  app.decorate('routeTable', [] as { method: string; url: string; action?: string }[]);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') app.routeTable.push({ method, url: r.url, action: r.config?.action });
  });
  installErrorHandler(app);
  // Open SSE streams would keep app.close() waiting for ever: end them first.
  app.addHook('preClose', async () => opts.ctx.realtime.endStreams());

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        // Mantine sets inline styles; the API reference page ships its own inline script.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'script-src': ["'self'"],
        'upgrade-insecure-requests': null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false, errorResponseBuilder: () => ({ statusCode: 429, error: { code: 'RATE_LIMITED', message: 'Too many attempts. Wait a minute and try again.' } }) });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Tandem API', version: '0.1.0', description: 'Authenticate with a session cookie (web app) or `Authorization: Bearer tdm_…` (API tokens, scoped to one workspace).' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const registry = opts.registry ?? new client.Registry();
  observabilityRoutes(app, { db: opts.ctx.db, registry, realtime: opts.ctx.realtime });
  await app.register(authPlugin, { ctx: opts.ctx });
  await app.register(identityRoutes);
  await app.register(tokenRoutes);
  await app.register(workspaceRoutes);
  await app.register(channelRoutes);
  await app.register(inboxRoutes);
  await app.register(publishingRoutes);
  await app.register(mediaRoutes);
  await app.register(collaborationRoutes);
  await app.register(schedulingRoutes);
  await app.register(campaignRoutes);
  await app.register(feedRoutes);
  await app.register(communityTeamRoutes);
  await app.register(communityPublicRoutes);
  await app.register(communityImageRoutes);
  await app.register(auditRoutes);

  const webDist = opts.webDist ?? DEFAULT_WEB_DIST;
  await app.register(communityPageRoutes({ webDist, cacheSeconds: opts.communityPageCacheSeconds ?? 0 }));
  const spa = existsSync(webDist);
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
  if (spa) await app.register(fastifyStatic, { root: webDist, wildcard: true });
  installNotFoundHandler(app, { spa });
  return app;
}
