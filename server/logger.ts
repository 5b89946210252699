import pino, { type LoggerOptions } from 'pino';

/** Paths never written to logs, whatever level. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.secret',
  '*.totp',
  '*.passwordHash',
  // Network credentials, should a channel's auth or an OAuth app ever reach a log line.
  '*.accessToken',
  '*.refreshToken',
  '*.clientSecret',
  '*.authSealed',
  'config.SECRET_KEY',
  'config.DATABASE_URL',
  'config.SMTP_URL',
];

export function loggerOptions(level: string): LoggerOptions {
  return { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
}

export function createLogger(level: string) {
  return pino(loggerOptions(level));
}
export type Logger = pino.Logger;
