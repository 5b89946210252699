import { exchangeCode, refreshTokens, type TokenEndpoint } from '../oauth/tokens';
import { PublishError, type ChannelAuth, type ChannelCapabilities, type ConnectedAccount, type ConnectorContext, type OAuthCompletion } from '../types';
import { enc, li } from './api';
import { classifyLinkedIn } from './errors';
import { linkedinMemberCapabilities, linkedinPageCapabilities } from './manifest';

/** LinkedIn's token endpoint: client id and secret in the form; access tokens last 60 days. */
const endpoint = (capabilities: ChannelCapabilities): TokenEndpoint => ({
  capabilities,
  clientAuth: 'form',
  defaultExpiresIn: 60 * 86_400,
  classify: (status, _headers, body) => classifyLinkedIn(status, body as Parameters<typeof classifyLinkedIn>[1]),
});
const memberEndpoint = endpoint(linkedinMemberCapabilities);
const pageEndpoint = endpoint(linkedinPageCapabilities);

/** The signed-in member from OpenID Connect userinfo: `sub` is the id of urn:li:person:{sub}. */
async function member(input: OAuthCompletion, auth: ChannelAuth): Promise<{ urn: string; name: string }> {
  const { body } = await li<{ sub: string; name?: string }>(input.baseUrl, auth.accessToken!, 'GET', '/v2/userinfo');
  const urn = `urn:li:person:${body.sub}`;
  return { urn, name: body.name ?? urn };
}

/** `linkedin`: the member who signs in is the author. */
export async function completeMemberOAuth(input: OAuthCompletion): Promise<ConnectedAccount> {
  const auth = await exchangeCode(memberEndpoint, input);
  const { urn, name } = await member(input, auth);
  return { auth: { ...auth, authorUrn: urn }, account: { id: urn, handle: name, displayName: name } };
}

interface Acl {
  organization: string;
  role: string;
  state: string;
}

interface Organization {
  id?: number;
  localizedName?: string;
  vanityName?: string;
}

/** Roles that may post as the organization. */
const POSTING_ROLES = new Set(['ADMINISTRATOR', 'CONTENT_ADMINISTRATOR']);

/**
 * `linkedin-page`: an organization the member may post for (organizationAcls) is the author. The
 * connect form's optional `organization` (id, URN or vanity name from the Page's address) picks one;
 * without it, the first.
 */
export async function completePageOAuth(input: OAuthCompletion): Promise<ConnectedAccount> {
  const auth = await exchangeCode(pageEndpoint, input);
  const token = auth.accessToken!;
  const { name: person } = await member(input, auth);
  const { body: acls } = await li<{ elements: Acl[] }>(input.baseUrl, token, 'GET', '/rest/organizationAcls?q=roleAssignee&state=APPROVED');
  const allowed = [...new Set(acls.elements.filter((a) => POSTING_ROLES.has(a.role)).map((a) => a.organization))];
  if (allowed.length === 0) throw new PublishError('rejected', `${person} is not an administrator of any LinkedIn Page; connect "LinkedIn (profile)" instead, or ask a Page admin for the Content admin role`);
  const wanted = input.fields?.organization?.trim().replace(/^https?:\/\/(www\.)?linkedin\.com\/company\//, '').replace(/\/.*$/, '');
  for (const urn of allowed) {
    const { body: org } = await li<Organization>(input.baseUrl, token, 'GET', `/rest/organizations/${enc(urn.split(':').pop()!)}`);
    if (wanted && ![urn, urn.split(':').pop(), org.vanityName].includes(wanted)) continue;
    const name = org.localizedName ?? urn;
    return { auth: { ...auth, authorUrn: urn }, account: { id: urn, handle: org.vanityName ?? name, displayName: name } };
  }
  throw new PublishError('rejected', `${person} cannot post for the LinkedIn Page "${wanted}"; leave the field empty for their first Page, or ask a Page admin for the Content admin role`);
}

/** grant_type=refresh_token with the operator's app (ctx.oauthClient); LinkedIn gives refresh tokens to approved apps only. */
export function refreshLinkedInAuth(ctx: ConnectorContext): Promise<ChannelAuth> {
  return refreshTokens(ctx.auth.authorUrn?.startsWith('urn:li:organization:') ? pageEndpoint : memberEndpoint, ctx);
}
