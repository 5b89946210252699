import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorCode } from '../../shared/contracts/common';
import { AppError } from '../errors';

/** The one place where errors become HTTP: a closed set of codes, a sentence a person understands, never a stack. */
export const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  TOTP_REQUIRED: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

function body(code: ErrorCode, message: string, details?: unknown) {
  return { error: { code, message, ...(details !== undefined && { details }) } };
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return reply.code(STATUS[err.code]).send(body(err.code, err.message, err.details));
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: Record<string, string> = {};
      const codes: Record<string, string> = {};
      for (const v of err.validation) {
        const path = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.') || (v.params as { issue?: { path?: unknown[] } }).issue?.path?.join('.') || '';
        const key = path || String((v.params as { issue?: { keys?: string[] } }).issue?.keys?.join(',') ?? '_');
        fields[key] = v.message ?? 'Invalid value.';
        // Stable zod issue codes (too_small, invalid_format…) let clients translate the message.
        codes[key] = (v.params as { issue?: { code?: string } }).issue?.code ?? v.keyword;
      }
      const where = err.validationContext ?? 'request';
      return reply.code(400).send(body('VALIDATION_FAILED', `Some fields of the ${where} are not valid: ${Object.entries(fields).map(([k, m]) => `${k}: ${m}`).join('; ')}`, { fields, codes }));
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send(body('PAYLOAD_TOO_LARGE', 'The request is too large.'));
    if (err.statusCode === 429) return reply.code(429).send(body('RATE_LIMITED', 'Too many attempts. Wait a minute and try again.'));
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.code(415).send(body('BAD_REQUEST', 'Send the body as application/json.'));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500 && !isResponseSerializationError(err)) {
      return reply.code(err.statusCode).send(body('BAD_REQUEST', err.message));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send(body('INTERNAL', 'Something went wrong on our side; nothing was half-saved. Try again, and tell the administrator if it persists.'));
  });
}

/** Unknown API paths get the error shape; other GETs get the web app, which routes on the client. */
export function installNotFoundHandler(app: FastifyInstance, opts: { spa: boolean }): void {
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return reply.code(404).send(body('NOT_FOUND', `There is no ${req.method} ${req.url.split('?')[0]} in the API. See /api/docs.`));
    // A missing file (e.g. an old hashed asset) stays a 404: only page paths fall back to index.html.
    const isPage = req.method === 'GET' && !/\.[a-z0-9]+$/i.test(req.url.split('?')[0] ?? '');
    if (opts.spa && isPage) return reply.type('text/html').sendFile('index.html');
    return reply.code(404).send(body('NOT_FOUND', 'Not found.'));
  });
}
