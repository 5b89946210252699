import { PublishError, type ConnectorContext } from '../types';
import { graphCall, type Params } from '../threads/graph';

/**
 * Instagram API with Instagram Login: the Graph host is graph.instagram.com (versioned), the code
 * exchange happens on api.instagram.com. Tests point both at `ctx.baseUrl`.
 */
export const GRAPH_ORIGIN = 'https://graph.instagram.com';
export const OAUTH_ORIGIN = 'https://api.instagram.com';
export const IG_VERSION = 'v24.0';

export function origin(baseUrl: string | undefined, fallback: string): string {
  return (baseUrl ?? fallback).replace(/\/+$/, '');
}

export function igApi<T>(ctx: ConnectorContext, method: 'GET' | 'POST' | 'DELETE', path: string, params: Params = {}): Promise<T> {
  const token = ctx.auth.accessToken;
  if (!token) throw new PublishError('auth_expired', 'This Instagram channel has no access token; reconnect it.');
  return graphCall<T>(method, `${origin(ctx.baseUrl, GRAPH_ORIGIN)}/${IG_VERSION}/${path}`, params, token);
}

/** The professional account's id (`user_id` of `GET /me`), the node publishing goes through. */
export function userIdOf(ctx: ConnectorContext): string {
  const id = ctx.auth.userId;
  if (!id) throw new PublishError('auth_expired', 'This Instagram channel has no account id; reconnect it.');
  return id;
}
