import { PublishError } from '../types';
import { classifyGraph, type GraphErrorBody } from './errors';
import { GRAPH_BASE, GRAPH_VERSION } from './manifest';

export interface GraphCall {
  baseUrl?: string;
  token?: string;
}

type Params = Record<string, unknown>;

/**
 * One Graph API request. The token travels in the Authorization header (never in a URL that could
 * be logged); POST parameters go as JSON, or as multipart fields when a file is attached.
 */
export async function graph<T>(call: GraphCall, method: 'GET' | 'POST' | 'DELETE', path: string, params: Params = {}, body?: FormData): Promise<T> {
  const url = new URL(`${call.baseUrl ?? GRAPH_BASE}/${GRAPH_VERSION}/${path.replace(/^\//, '')}`);
  const headers: Record<string, string> = call.token ? { authorization: `Bearer ${call.token}` } : {};
  let payload: BodyInit | undefined = body;
  if (method === 'GET' || method === 'DELETE') for (const [k, v] of Object.entries(params)) url.searchParams.set(k, String(v));
  else if (body) for (const [k, v] of Object.entries(params)) body.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  else {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(params);
  }
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body: payload, signal: AbortSignal.timeout(60_000) });
  } catch (err) {
    throw new PublishError('transient', `Facebook did not answer: ${err instanceof Error ? err.message : String(err)}`);
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = undefined;
  }
  const error = (json as { error?: GraphErrorBody } | undefined)?.error;
  if (!res.ok || error) throw classifyGraph(res.status, error, res.headers);
  return json as T;
}

/** Graph error "object does not exist" (100 with subcode 33): gone already. */
export function isGone(err: unknown): boolean {
  return err instanceof PublishError && err.opts.networkCode === '100/33';
}
