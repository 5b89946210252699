import { forumPaths } from './paths';

/** An error the member API answered with: its closed code, its message and details. */
export class ForumApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface ForumApi {
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
  /** multipart/form-data (image uploads). */
  upload<T>(path: string, form: FormData): Promise<T>;
}

/** Calls to /api/communities/:id with the member's CSRF token on writes. */
export function forumApi(communityId: string, csrfToken: () => string | null): ForumApi {
  const base = forumPaths.api(communityId);
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = csrfToken();
    if (method !== 'GET' && token) headers['x-community-csrf'] = token;
    const form = body instanceof FormData;
    if (body !== undefined && !form) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : form ? body : JSON.stringify(body), credentials: 'same-origin' });
    } catch {
      throw new ForumApiError('NETWORK', 'The server could not be reached.');
    }
    if (res.status === 204) return undefined as T;
    const json = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null;
    if (!res.ok) throw new ForumApiError(json?.error?.code ?? 'UNKNOWN', json?.error?.message ?? res.statusText, json?.error?.details ?? {});
    return json as T;
  }
  return { get: (path) => call('GET', path), send: (method, path, body) => call(method, path, body), upload: (path, form) => call('POST', path, form) };
}
