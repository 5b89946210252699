/** A tiny HTTP client that behaves like the web app: keeps the session cookie and sends the CSRF token. */
export class ApiClient {
  private cookie = '';
  csrf = '';
  bearer = '';

  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
    const h: Record<string, string> = { ...headers };
    // A FormData body (uploads) goes as multipart, with the boundary fetch sets itself.
    const form = body instanceof FormData;
    if (body !== undefined && !form) h['content-type'] = 'application/json';
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    const res = await fetch(this.baseUrl + path, { method, headers: h, body: body === undefined ? undefined : form ? body : JSON.stringify(body) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = /tandem_session=([^;]*)/.exec(setCookie);
      if (m) this.cookie = m[1] ? `tandem_session=${m[1]}` : '';
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON: keep the text */
    }
    if (parsed && typeof parsed === 'object' && 'csrfToken' in parsed) this.csrf = String((parsed as { csrfToken: string }).csrfToken);
    return { status: res.status, body: parsed as T };
  }

  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body?: unknown) => this.request<T>('POST', path, body ?? {});
  patch = <T = any>(path: string, body: unknown) => this.request<T>('PATCH', path, body);
  put = <T = any>(path: string, body: unknown) => this.request<T>('PUT', path, body);
  delete = <T = any>(path: string) => this.request<T>('DELETE', path);
}

let counter = 0;
/** Signs up a fresh person and returns their client. */
export async function signUpUser(baseUrl: string, name = 'Test Person') {
  const client = new ApiClient(baseUrl);
  const email = `user${Date.now()}${counter++}${Math.random().toString(36).slice(2, 6)}@example.test`;
  const res = await client.post('/api/auth/signup', { email, password: 'correct horse battery', name });
  if (res.status !== 201) throw new Error(`signup failed: ${JSON.stringify(res.body)}`);
  return { client, email, userId: res.body.user.id as string };
}
