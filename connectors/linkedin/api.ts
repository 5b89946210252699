import { PublishError, type ConnectorContext } from '../types';
import { classifyLinkedIn, type LinkedInErrorBody } from './errors';
import { API_BASE, LINKEDIN_VERSION } from './manifest';

export interface LinkedInAnswer<T> {
  status: number;
  headers: Headers;
  body: T;
}

/** Path segments and Rest.li values carry URNs URL-encoded (urn%3Ali%3Ashare%3A1). */
export const enc = (urn: string) => encodeURIComponent(urn);

/**
 * One REST call with the versioned headers. `pathAndQuery` is sent as written, because Rest.li 2.0
 * query values such as List(urn%3Ali%3Ashare%3A1) must not be encoded again.
 */
export async function li<T = unknown>(base: string | undefined, token: string, method: string, pathAndQuery: string, json?: unknown): Promise<LinkedInAnswer<T>> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'linkedin-version': LINKEDIN_VERSION, 'x-restli-protocol-version': '2.0.0' };
  if (json !== undefined) headers['content-type'] = 'application/json';
  return send<T>(`${base ?? API_BASE}${pathAndQuery}`, { method, headers, body: json === undefined ? undefined : JSON.stringify(json) });
}

export async function send<T>(url: string, init: RequestInit): Promise<LinkedInAnswer<T>> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
  } catch (err) {
    throw new PublishError('transient', `LinkedIn did not answer: ${err instanceof Error ? err.message : String(err)}`);
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!res.ok) throw classifyLinkedIn(res.status, body as LinkedInErrorBody | undefined);
  return { status: res.status, headers: res.headers, body: body as T };
}

export interface LinkedInAuth {
  accessToken: string;
  authorUrn: string;
}

export function authOf(ctx: ConnectorContext): LinkedInAuth {
  const { accessToken, authorUrn } = ctx.auth;
  if (!accessToken || !authorUrn) throw new PublishError('auth_expired', 'The LinkedIn channel has no token: reconnect it');
  return { accessToken, authorUrn };
}
