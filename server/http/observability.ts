import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import client from 'prom-client';
import type { Db } from '../db/client';
import type { RealtimeHub } from '../realtime';

/** /health (the process is up), /ready (it can serve: the database answers), /metrics (Prometheus). */
export function observabilityRoutes(app: FastifyInstance, deps: { db: Db; registry: client.Registry; realtime?: RealtimeHub }) {
  const requests = new client.Counter({ name: 'tandem_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'], registers: [deps.registry] });
  const duration = new client.Histogram({ name: 'tandem_http_request_seconds', help: 'HTTP request duration', labelNames: ['method', 'route'], registers: [deps.registry], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });

  const { realtime } = deps;
  if (realtime) {
    new client.Gauge({
      name: 'tandem_realtime_subscriptions',
      help: 'Live-update (SSE) subscriptions held by this process; growing without clients means a leak',
      registers: [deps.registry],
      collect() {
        this.set(realtime.subscriptionCount());
      },
    });
  }

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    requests.inc({ method: req.method, route, status: reply.statusCode });
    duration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });

  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/ready', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await deps.db.execute(sql`SELECT 1`);
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ error: { code: 'UNAVAILABLE', message: 'The database does not answer yet.' } });
    }
  });
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => reply.type(deps.registry.contentType).send(await deps.registry.metrics()));
}
