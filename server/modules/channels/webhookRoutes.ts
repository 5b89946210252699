import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answerWebhookChallenge, receiveWebhook } from './commands/receiveWebhook';

/**
 * Requests networks push to us. The body is kept raw (signatures are computed over the exact bytes),
 * whatever its content type; the route is reached without a session and believed only when signed.
 */
export const webhookRoutes: FastifyPluginAsyncZod = async (app) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.post(
    '/api/webhooks/:channelId',
    { schema: { tags: ['inbox'], summary: 'Items a network pushes for one channel (signature checked by its connector)', params: z.object({ channelId: z.uuid() }), response: { 200: z.object({ received: z.number().int(), stored: z.number().int() }) } } },
    async (req) => {
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
      return receiveWebhook(req.ctx, req.params.channelId, { headers, rawBody, query: req.query as Record<string, string | undefined>, ip: req.meta.ip });
    },
  );
  app.get(
    '/api/webhooks/:channelId',
    { schema: { tags: ['inbox'], summary: "A network confirming its subscription (echoes the challenge when the verify token matches the channel's webhook secret)", params: z.object({ channelId: z.uuid() }), querystring: z.record(z.string(), z.string()), response: { 200: z.string() } } },
    async (req, reply) => {
      const challenge = await answerWebhookChallenge(req.ctx, req.params.channelId, req.query, req.meta.ip);
      return reply.type('text/plain').send(challenge);
    },
  );
};
