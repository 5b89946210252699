import { AtpAgent, XRPCError } from '@atproto/api';
import { PublishError, type ChannelAuth } from '../types';
import { classify } from './errors';
import { DEFAULT_SERVICE, toChannelAuth } from './session';

export interface ConnectResult {
  auth: ChannelAuth;
  account: { id: string; handle: string; displayName?: string };
}

/** Signs in with a handle (or email) and an app password; `service` defaults to bsky.social. */
export async function connectAccount(input: Record<string, string>): Promise<ConnectResult> {
  const identifier = input.identifier?.trim().replace(/^@/, '');
  const password = input.appPassword;
  if (!identifier || !password) throw new PublishError('rejected', 'identifier and appPassword are required');
  const service = input.service?.trim() || DEFAULT_SERVICE;
  const agent = new AtpAgent({ service });
  try {
    await agent.login({ identifier, password });
  } catch (err) {
    // At sign-in, an authentication error means wrong credentials (or 2FA asked), not an expired session.
    if (err instanceof XRPCError && (err.status === 401 || err.error === 'AuthFactorTokenRequired')) {
      throw new PublishError('rejected', err.message || 'Invalid identifier or password', { networkCode: err.error });
    }
    throw classify(err);
  }
  const session = agent.session;
  if (!session) throw new PublishError('transient', 'Bluesky sign-in returned no session');
  let displayName: string | undefined;
  try {
    const { data } = await agent.getProfile({ actor: session.did });
    displayName = data.displayName || undefined;
  } catch {
    // The profile needs the AppView; the account is usable without it.
  }
  return {
    auth: toChannelAuth(service, session, agent.pdsUrl),
    account: { id: session.did, handle: session.handle, ...(displayName ? { displayName } : {}) },
  };
}
