import { PublishError, type ChannelAuth, type ConnectedAccount, type ConnectorContext, type OAuthCompletion } from '../types';
import { enc, li, send } from './api';
import { OAUTH_BASE } from './manifest';

interface TokenAnswer {
  access_token: string;
  expires_in: number;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  scope?: string;
}

/** POST /oauth/v2/accessToken (form). `base` replaces both LinkedIn hosts when given (tests, proxies). */
async function tokenRequest(base: string | undefined, form: Record<string, string>): Promise<TokenAnswer> {
  const { body } = await send<TokenAnswer>(`${base ?? OAUTH_BASE}/oauth/v2/accessToken`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  return body;
}

/**
 * Tokens as stored. The app credentials are kept with them (sealed at rest like the tokens) because
 * `refreshAuth` receives only the channel's auth. LinkedIn issues refresh tokens to approved apps only.
 */
function toAuth(t: TokenAnswer, app: { clientId: string; clientSecret: string }, now = Date.now()): ChannelAuth {
  return {
    accessToken: t.access_token,
    expiresAt: new Date(now + t.expires_in * 1000).toISOString(),
    ...(t.refresh_token ? { refreshToken: t.refresh_token } : {}),
    clientId: app.clientId,
    clientSecret: app.clientSecret,
  };
}

async function exchange(input: OAuthCompletion): Promise<{ auth: ChannelAuth; person: { sub: string; name?: string } }> {
  const t = await tokenRequest(input.baseUrl, { grant_type: 'authorization_code', code: input.code, redirect_uri: input.redirectUri, client_id: input.clientId, client_secret: input.clientSecret });
  // OpenID Connect userinfo: `sub` is the member id of urn:li:person:{sub}.
  const { body: person } = await li<{ sub: string; name?: string }>(input.baseUrl, t.access_token, 'GET', '/v2/userinfo');
  return { auth: toAuth(t, input), person };
}

/** `linkedin`: the member who signs in is the author. */
export async function completeMemberOAuth(input: OAuthCompletion): Promise<ConnectedAccount> {
  const { auth, person } = await exchange(input);
  const urn = `urn:li:person:${person.sub}`;
  const name = person.name ?? urn;
  return { auth: { ...auth, authorUrn: urn }, account: { id: urn, handle: name, displayName: name } };
}

interface Acl {
  organization: string;
  role: string;
  state: string;
}

/** Roles that may post as the organization. */
const POSTING_ROLES = new Set(['ADMINISTRATOR', 'CONTENT_ADMINISTRATOR']);

/**
 * `linkedin-page`: the first organization the member administers (organizationAcls) is the author.
 * OAuth completion carries no choice, so a member with several Pages gets the first (README).
 */
export async function completePageOAuth(input: OAuthCompletion): Promise<ConnectedAccount> {
  const { auth, person } = await exchange(input);
  const token = auth.accessToken!;
  const { body: acls } = await li<{ elements: Acl[] }>(input.baseUrl, token, 'GET', '/rest/organizationAcls?q=roleAssignee&state=APPROVED');
  const acl = acls.elements.find((a) => POSTING_ROLES.has(a.role));
  if (!acl) throw new PublishError('rejected', `${person.name ?? 'This member'} is not an administrator of any LinkedIn Page; connect "LinkedIn (profile)" instead, or ask a Page admin for the Content admin role`);
  const id = acl.organization.split(':').pop()!;
  const { body: org } = await li<{ localizedName?: string; vanityName?: string }>(input.baseUrl, token, 'GET', `/rest/organizations/${enc(id)}`);
  const name = org.localizedName ?? acl.organization;
  return { auth: { ...auth, authorUrn: acl.organization }, account: { id: acl.organization, handle: org.vanityName ?? name, displayName: name } };
}

/** grant_type=refresh_token; a refused refresh (or none possible) means signing in again. */
export async function refreshLinkedInAuth(ctx: ConnectorContext): Promise<ChannelAuth> {
  const { refreshToken, clientId, clientSecret } = ctx.auth;
  if (!refreshToken || !clientId || !clientSecret) throw new PublishError('auth_expired', 'This LinkedIn sign-in cannot be refreshed (LinkedIn gave no refresh token); connect the channel again');
  let t: TokenAnswer;
  try {
    t = await tokenRequest(ctx.baseUrl, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId, client_secret: clientSecret });
  } catch (err) {
    if (err instanceof PublishError && err.kind === 'rejected') throw new PublishError('auth_expired', err.message, err.opts);
    throw err;
  }
  const fresh = { ...ctx.auth, ...toAuth({ ...t, refresh_token: t.refresh_token ?? refreshToken }, { clientId, clientSecret }) };
  await ctx.onAuthRefreshed(fresh);
  return fresh;
}
