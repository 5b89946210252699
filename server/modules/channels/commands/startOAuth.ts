import { and, eq, lt } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { randomToken, sha256 } from '../../../crypto';
import { channels, oauthStates } from '../../../db/schema';
import { AppError, notFound } from '../../../errors';
import { connectorFor, oauthClientFor } from '../connectors';
import { pkceChallenge, sealFlow } from '../oauthFlow';
import { assertPublicAddresses } from './assertPublicAddresses';
import { instanceOAuthApp } from './instanceOAuthApp';

/** How long a person has to sign in on the network before the flow must start again. */
export const OAUTH_STATE_MINUTES = 10;

/** Where every network sends the browser back (register it with the network's app). */
export const OAUTH_CALLBACK_PATH = '/api/oauth/callback';

export interface StartOAuthOptions {
  ctx: AppContext;
  actor: Actor;
  network: string;
  /** Reconnect this channel instead of connecting a new account. */
  channelId?: string;
  /** Instance-based networks: the account's server (or the value of the url connect field in `fields`). */
  baseUrl?: string;
  /** The connect form's fields (a subreddit, a board…), handed to the connector with the code. */
  fields?: Record<string, string>;
}

/**
 * Starts an OAuth 2 authorization-code flow: a random state (stored only as its hash, used once,
 * valid 10 minutes), a PKCE S256 verifier and the connect form's fields sealed at rest, and the
 * network's authorize URL to send the browser to.
 */
export async function startOAuth({ ctx, actor, network, channelId, baseUrl, fields = {} }: StartOAuthOptions) {
  const connector = connectorFor(network);
  const caps = connector.capabilities;
  const spec = caps.oauth;
  if (!spec || !connector.completeOAuth) throw new AppError('BAD_REQUEST', `${caps.displayName} does not sign in with OAuth; connect it with its sign-in fields instead.`, { network });
  const dynamic = Boolean(spec.dynamicRegistration);
  const configured = dynamic ? null : oauthClientFor(network);
  if (configured && 'missing' in configured) {
    throw new AppError('UNAVAILABLE', `Connecting ${caps.displayName} is not set up on this server: the operator must register an app with ${caps.displayName} (redirect URI ${ctx.publicUrl}${OAUTH_CALLBACK_PATH}) and set ${configured.missing.join(' and ')}, then restart Tandem.`, { network, missing: configured.missing });
  }
  // Networks that also connect with typed credentials: the sign-in replaces the secret fields.
  const form = formOf(dynamic ? caps.connectFields.filter((f) => f.kind !== 'password') : caps.connectFields, fields);
  const base = serverOf(caps.connectFields, baseUrl ?? form.url);
  if (dynamic && !base) throw new AppError('VALIDATION_FAILED', 'Type the address of the server the account is on.', { fields: { baseUrl: 'Type the address of the server, starting with https://' } });
  // The token exchange and every later call go to this server: it must be on the internet.
  if (base) await assertPublicAddresses([{ key: 'baseUrl', kind: 'url' }], { baseUrl: base });
  // Per-server apps: registered on this server the first time, then kept (instanceOAuthApp).
  const client = configured ?? (await instanceOAuthApp(ctx, connector, base!, `${ctx.publicUrl}${OAUTH_CALLBACK_PATH}`));
  if (channelId) {
    const [c] = await ctx.db.select({ network: channels.network, status: channels.status }).from(channels).where(and(eq(channels.id, channelId), eq(channels.workspaceId, actor.workspaceId)));
    if (!c || c.status === 'disconnected') throw notFound('That channel');
    if (c.network !== network) throw new AppError('VALIDATION_FAILED', `That channel is on ${c.network}, not ${network}.`, { channelId });
  }

  const state = randomToken(32);
  const verifier = spec.pkce ? randomToken(48) : null;
  const expiresAt = new Date(Date.now() + OAUTH_STATE_MINUTES * 60_000);
  // Expired flows are kept a day (the callback can still say "too late" and where to), then dropped here.
  await ctx.db.delete(oauthStates).where(lt(oauthStates.expiresAt, new Date(Date.now() - 86_400_000)));
  const sealed = sealFlow(ctx.secrets, { ...(verifier && { verifier }), ...(Object.keys(form.fields).length && { fields: form.fields }) });
  await ctx.db.insert(oauthStates).values({ stateHash: sha256(state), workspaceId: actor.workspaceId, userId: actor.userId, network, codeVerifierSealed: sealed, baseUrl: base, channelId: channelId ?? null, expiresAt });

  const url = new URL(base ? new URL(spec.authorizeUrl).pathname : spec.authorizeUrl, base ?? undefined);
  const params: Record<string, string> = { response_type: 'code', [spec.clientIdParam ?? 'client_id']: client.clientId, redirect_uri: `${ctx.publicUrl}${OAUTH_CALLBACK_PATH}`, state, ...(spec.scopes.length && { scope: spec.scopes.join(spec.scopeSeparator ?? ' ') }), ...spec.extraAuthorizeParams };
  if (verifier) Object.assign(params, { code_challenge: pkceChallenge(verifier, spec), code_challenge_method: 'S256' });
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return { authorizeUrl: url.toString(), expiresAt: expiresAt.toISOString() };
}

type Field = { key: string; kind: string; required: boolean };

/** The connect form's values the manifest declares (required ones present), and the url field's value. */
function formOf(declared: Field[], given: Record<string, string>): { fields: Record<string, string>; url?: string } {
  const unknown = Object.keys(given).filter((k) => !declared.some((f) => f.key === k));
  if (unknown.length) throw new AppError('VALIDATION_FAILED', `This network's connect form has no field ${unknown.join(', ')}.`, { fields: Object.fromEntries(unknown.map((k) => [k, 'Not a field of this network.'])) });
  const fields: Record<string, string> = {};
  for (const f of declared) {
    const v = given[f.key]?.trim();
    if (v) fields[f.key] = v;
  }
  const url = declared.find((f) => f.kind === 'url');
  const missing = declared.filter((f) => f.required && f.kind !== 'url' && !fields[f.key]);
  if (missing.length) throw new AppError('VALIDATION_FAILED', `Fill in ${missing.map((f) => f.key).join(', ')} first.`, { fields: Object.fromEntries(missing.map((f) => [f.key, 'Required.'])) });
  return { fields, url: url ? fields[url.key] : undefined };
}

/**
 * The account's server for instance-based networks (those whose connect form asks for a URL), as an
 * origin; null for the others, which always use the manifest's endpoints.
 */
function serverOf(fields: Field[], baseUrl: string | undefined): string | null {
  const field = fields.find((f) => f.kind === 'url');
  if (!field) {
    if (baseUrl) throw new AppError('VALIDATION_FAILED', 'This network has one address; leave the server out.', { fields: { baseUrl: 'Leave this out for this network.' } });
    return null;
  }
  if (!baseUrl) {
    if (field.required) throw new AppError('VALIDATION_FAILED', 'Type the address of the server the account is on.', { fields: { baseUrl: 'Type the address of the server, starting with https://' } });
    return null;
  }
  const u = URL.canParse(baseUrl) ? new URL(baseUrl) : null;
  if (!u || (u.protocol !== 'https:' && u.protocol !== 'http:')) throw new AppError('VALIDATION_FAILED', 'The server address must start with https://', { fields: { baseUrl: 'Use an https:// address.' } });
  return u.origin;
}
