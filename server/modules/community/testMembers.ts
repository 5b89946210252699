import type { TestTandem } from '../../test/testServer';
import { ApiClient, signUpUser } from '../../test/apiClient';
import { MEMBER_COOKIE, MEMBER_CSRF_HEADER } from './memberSession';

/** Like the community web pages will behave: keeps the member cookie and sends the member CSRF header. */
export class MemberClient {
  cookie = '';
  csrf = '';
  id = '';

  constructor(
    readonly baseUrl: string,
    readonly communityId: string,
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const h: Record<string, string> = {};
    const form = body instanceof FormData;
    if (body !== undefined && !form) h['content-type'] = 'application/json';
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h[MEMBER_CSRF_HEADER] = this.csrf;
    const res = await fetch(`${this.baseUrl}/api/communities/${this.communityId}${path}`, { method, headers: h, body: body === undefined ? undefined : form ? body : JSON.stringify(body) });
    const m = new RegExp(`${MEMBER_COOKIE}=([^;]*)`).exec(res.headers.get('set-cookie') ?? '');
    if (m) this.cookie = m[1] ? `${MEMBER_COOKIE}=${m[1]}` : '';
    const text = await res.text();
    let parsed: any = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    if (parsed?.csrfToken) this.csrf = parsed.csrfToken;
    if (parsed?.member?.id) this.id = parsed.member.id;
    return { status: res.status, body: parsed as T };
  }

  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body: unknown = {}) => this.request<T>('POST', path, body);
  patch = <T = any>(path: string, body: unknown) => this.request<T>('PATCH', path, body);
  delete = <T = any>(path: string) => this.request<T>('DELETE', path);
}

let counter = 0;
export const memberEmail = (tag = 'member') => `${tag}${Date.now()}${counter++}@example.test`;

/** A new member of the community, signed in (and, unless told otherwise, past the guidelines). */
export async function joinCommunity(t: TestTandem, communityId: string, opts: { name?: string; acknowledge?: boolean } = {}): Promise<MemberClient> {
  const c = new MemberClient(t.baseUrl, communityId);
  const res = await c.post('/signup', { email: memberEmail(), password: 'correct horse battery', displayName: opts.name ?? 'Member' });
  if (res.status !== 201) throw new Error(`member signup failed: ${JSON.stringify(res.body)}`);
  if (opts.acknowledge !== false) await c.post('/guidelines/acknowledge');
  return c;
}

const NO_NEW_MEMBER_LIMITS = { threadsPerDay: 0, repliesPerDay: 0, secondsBetweenThreads: 0, secondsBetweenReplies: 0 };

/**
 * An owner with a workspace whose community is set up. The new-member limits (a new member may start
 * one thread every 2 minutes…) are turned off unless `keepNewMemberLimits`: tests of other features
 * post quickly as new members; guardrails.test.ts tests the limits themselves.
 */
export async function communityOwner(t: TestTandem, name = 'Caffè Test', opts: { keepNewMemberLimits?: boolean } = {}) {
  const owner = await signUpUser(t.baseUrl, `${name} Owner`);
  const workspaceId = (await owner.client.post('/api/workspaces', { name })).body.id as string;
  const limits = opts.keepNewMemberLimits ? {} : { newMemberLimits: NO_NEW_MEMBER_LIMITS };
  const res = await owner.client.put(`/api/workspaces/${workspaceId}/community`, { name: `${name} community`, guidelines: '# Be kind\n\nNo spam.', ...limits });
  if (res.status !== 200) throw new Error(`community setup failed: ${JSON.stringify(res.body)}`);
  return { owner: owner.client, ownerId: owner.userId, workspaceId };
}

export async function createSpace(owner: ApiClient, workspaceId: string, fields: Record<string, unknown>) {
  const res = await owner.post(`/api/workspaces/${workspaceId}/community/spaces`, { name: String(fields.slug), ...fields });
  if (res.status !== 201) throw new Error(`space creation failed: ${JSON.stringify(res.body)}`);
  return res.body as { id: string; slug: string };
}
