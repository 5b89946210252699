import type { ErrorCode } from '../../../shared/contracts/common';

/** Field path → message, as sent by the server in `details.fields` for VALIDATION_FAILED. */
export type FieldErrors = Record<string, string>;

/** Codes the client itself may produce when the server could not be reached or answered oddly. */
export type ClientErrorCode = 'NETWORK' | 'UNKNOWN';

/** Every failed API call throws this. `code` is one of the server's closed ERROR_CODES, or a client code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly details: unknown;

  constructor(status: number, code: ErrorCode | ClientErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field messages for VALIDATION_FAILED (`details.fields`), empty otherwise. */
  get fields(): FieldErrors {
    if (this.code !== 'VALIDATION_FAILED') return {};
    const d = this.details;
    if (!d || typeof d !== 'object' || !('fields' in d)) return {};
    const fields = (d as { fields: unknown }).fields;
    if (!fields || typeof fields !== 'object') return {};
    const out: FieldErrors = {};
    for (const [path, msg] of Object.entries(fields as Record<string, unknown>)) {
      if (typeof msg === 'string') out[path] = msg;
      else if (Array.isArray(msg) && typeof msg[0] === 'string') out[path] = msg[0];
    }
    return out;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

let csrfToken: string | null = null;

/** Remember the CSRF token from any Me payload (GET /api/me, sign-in, sign-up, PATCH /api/me …). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function parseError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON (proxy error page, etc.)
  }
  const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (err && typeof err.code === 'string' && /^[A-Z_]+$/.test(err.code)) {
    return new ApiError(res.status, err.code as ErrorCode, typeof err.message === 'string' ? err.message : '', err.details);
  }
  if (res.status === 404) return new ApiError(404, 'NOT_FOUND', res.statusText);
  if (res.status === 429) return new ApiError(429, 'RATE_LIMITED', res.statusText);
  if (res.status === 503) return new ApiError(503, 'UNAVAILABLE', res.statusText);
  return new ApiError(res.status, 'UNKNOWN', res.statusText);
}

async function ensureCsrfToken(): Promise<void> {
  if (csrfToken) return;
  try {
    const res = await fetch('/api/me', { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (res.ok) {
      const me = (await res.json()) as { csrfToken?: unknown };
      if (typeof me.csrfToken === 'string') csrfToken = me.csrfToken;
    }
  } catch {
    // signed out or offline: the request goes without a token and the server decides
  }
}

// Reached before a session exists: the server does not ask for a CSRF token there.
const CSRF_EXEMPT = new Set(['/api/auth/signin', '/api/auth/signup', '/api/auth/password-reset/request', '/api/auth/password-reset/confirm']);

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function send(method: Method, path: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(path, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'NETWORK', e instanceof Error ? e.message : String(e));
  }
}

/** Call the API. Resolves with the parsed JSON body; rejects with ApiError. */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  if (method !== 'GET' && !CSRF_EXEMPT.has(path)) await ensureCsrfToken();
  let res = await send(method, path, body);
  if (!res.ok && res.status === 403 && method !== 'GET') {
    const err = await parseError(res.clone());
    if (err.code === 'CSRF_FAILED') {
      // the session may have rotated: fetch a fresh token once and retry
      csrfToken = null;
      await ensureCsrfToken();
      res = await send(method, path, body);
    }
  }
  if (!res.ok) throw await parseError(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = (text ? JSON.parse(text) : undefined) as T;
  const maybeMe = data as { csrfToken?: unknown } | undefined;
  if (maybeMe && typeof maybeMe === 'object' && typeof maybeMe.csrfToken === 'string') csrfToken = maybeMe.csrfToken;
  return data;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const put = <T>(path: string, body?: unknown) => api<T>('PUT', path, body ?? {});
export const patch = <T>(path: string, body?: unknown) => api<T>('PATCH', path, body ?? {});
export const del = <T>(path: string) => api<T>('DELETE', path);

/** Build a query string, leaving out undefined values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
  const s = sp.toString();
  return s ? `?${s}` : '';
}
