import { PublishError, type ConnectorContext } from '../types';
import { graphCall, type Params } from './graph';

/** graph.threads.net answers both the versioned API and the OAuth endpoints (graph.threads.com too). */
export const THREADS_ORIGIN = 'https://graph.threads.net';
export const THREADS_VERSION = 'v1.0';

export function origin(baseUrl?: string): string {
  return (baseUrl ?? THREADS_ORIGIN).replace(/\/+$/, '');
}

/** A versioned call as the account. */
export function threadsApi<T>(ctx: ConnectorContext, method: 'GET' | 'POST' | 'DELETE', path: string, params: Params = {}): Promise<T> {
  const token = ctx.auth.accessToken;
  if (!token) throw new PublishError('auth_expired', 'This Threads channel has no access token; reconnect it.');
  return graphCall<T>(method, `${origin(ctx.baseUrl)}/${THREADS_VERSION}/${path}`, params, token);
}

export function userIdOf(ctx: ConnectorContext): string {
  const id = ctx.auth.userId;
  if (!id) throw new PublishError('auth_expired', 'This Threads channel has no user id; reconnect it.');
  return id;
}
