import { eq } from 'drizzle-orm';
import { PublishError, type ConnectedAccount } from '../../../../connectors/types';
import type { OAuthErrorCode } from '../../../../shared/contracts/channels';
import type { AppContext } from '../../../context';
import { sha256 } from '../../../crypto';
import { channels, oauthStates, users } from '../../../db/schema';
import { AppError } from '../../../errors';
import { authorize } from '../../workspaces';
import { maybeConnectorFor, oauthClientFor } from '../connectors';
import { openFlow } from '../oauthFlow';
import { findInstanceOAuthApp } from './instanceOAuthApp';
import { OAUTH_CALLBACK_PATH } from './startOAuth';
import { storeConnectedAccount, storeReconnectedAccount } from './storeConnectedAccount';

export interface OAuthCallback {
  code?: string;
  state?: string;
  error?: string;
  error_description?: string;
}

/** Where the browser goes next: the channels page with the new channel, or with what went wrong. */
export type OAuthOutcome = { redirect: string } | { invalid: string };

/**
 * The network sent the browser back. The state is looked up by its hash and deleted in the same
 * statement (a state works once), the person who started the flow must still manage channels, the
 * connector exchanges the code, and the account becomes a channel (or signs an existing one in
 * again). Every failure still lands on the channels page with a code the page explains.
 */
export async function finishOAuth(ctx: AppContext, q: OAuthCallback, ip: string | null): Promise<OAuthOutcome> {
  if (!q.state) return { invalid: 'This address lacks the sign-in state. Go back to Tandem and start connecting the channel again.' };
  const [flow] = await ctx.db.delete(oauthStates).where(eq(oauthStates.stateHash, sha256(q.state))).returning();
  if (!flow) return { invalid: 'This sign-in link is not valid any more (it was used already, or it was not started here). Go back to Tandem and start connecting the channel again.' };
  const page = `${ctx.publicUrl}/w/${flow.workspaceId}/settings/channels`;
  const fail = (code: OAuthErrorCode, detail?: string) => ({ redirect: `${page}?${new URLSearchParams({ oauthError: code, network: flow.network, ...(detail && { detail: detail.slice(0, 300) }) })}` });

  if (flow.expiresAt.getTime() < Date.now()) return fail('expired');
  if (q.error) return fail('denied', q.error_description || q.error);
  const connector = maybeConnectorFor(flow.network);
  // Per-server apps (instance-based networks) were registered when the flow started.
  const client = connector?.capabilities.oauth?.dynamicRegistration
    ? ((flow.baseUrl ? await findInstanceOAuthApp(ctx, flow.network, flow.baseUrl, `${ctx.publicUrl}${OAUTH_CALLBACK_PATH}`) : null) ?? { missing: ['app'] })
    : oauthClientFor(flow.network);
  if (!connector?.completeOAuth || 'missing' in client) return fail('not_configured');
  if (!q.code) return fail('refused', 'The network sent no authorization code.');

  const [user] = await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, flow.userId));
  const actor = await authorize(ctx.db, { userId: flow.userId, userName: user?.name ?? '', via: 'session' }, flow.workspaceId, 'channels.manage', ip).catch(() => null);
  if (!actor) return fail('forbidden');

  let connected: ConnectedAccount;
  try {
    const sealed = openFlow(ctx.secrets, flow.codeVerifierSealed);
    connected = await connector.completeOAuth({ code: q.code, redirectUri: `${ctx.publicUrl}${OAUTH_CALLBACK_PATH}`, clientId: client.clientId, clientSecret: client.clientSecret, codeVerifier: sealed.verifier, baseUrl: flow.baseUrl ?? undefined, fields: sealed.fields ?? {} });
  } catch (err) {
    if (err instanceof PublishError) return fail(err.kind === 'transient' || err.kind === 'rate_limited' ? 'unreachable' : 'refused', err.message);
    ctx.log.warn({ err: { message: (err as Error).message }, network: flow.network }, 'oauth: completing the sign-in failed');
    return fail('unreachable');
  }

  try {
    const channel = await ctx.db.transaction(async (tx) => {
      if (!flow.channelId) return storeConnectedAccount(tx, { ctx, actor, network: flow.network, displayName: connector.capabilities.displayName, connected, timeZone: 'UTC', via: 'oauth' });
      const [row] = await tx.select().from(channels).where(eq(channels.id, flow.channelId)).for('update');
      if (!row || row.workspaceId !== flow.workspaceId || row.status === 'disconnected') throw new AppError('NOT_FOUND', 'channel_gone');
      return storeReconnectedAccount(tx, { ctx, actor, channel: row, connected, via: 'oauth' });
    });
    return { redirect: `${page}?${new URLSearchParams({ connected: channel.id })}` };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === 'NOT_FOUND') return fail('channel_gone');
    const reason = (err.details as { reason?: string } | undefined)?.reason;
    return fail(reason === 'other_account' ? 'other_account' : 'already_connected', connected.account.handle);
  }
}
