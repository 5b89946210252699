import { AtpAgent, type AtpSessionData } from '@atproto/api';
import { PublishError, type ChannelAuth, type ConnectorContext } from '../types';
import { classify, isAuthError } from './errors';

export const DEFAULT_SERVICE = 'https://bsky.social';

/** What we keep for a Bluesky channel (sealed at rest by the server). */
export interface BlueskyAuth {
  service: string;
  did: string;
  handle: string;
  accessJwt: string;
  refreshJwt: string;
  /** The account's PDS when it differs from `service` (an entryway such as bsky.social). */
  pdsUrl?: string;
}

export function toChannelAuth(service: string, session: AtpSessionData, pdsUrl?: URL): ChannelAuth {
  const auth: ChannelAuth = { service, did: session.did, handle: session.handle, accessJwt: session.accessJwt, refreshJwt: session.refreshJwt };
  if (pdsUrl && pdsUrl.origin !== new URL(service).origin) auth.pdsUrl = pdsUrl.toString();
  return auth;
}

function parseAuth(auth: ChannelAuth): BlueskyAuth {
  const { service, did, handle, accessJwt, refreshJwt, pdsUrl } = auth;
  if (!service || !did || !handle || !accessJwt || !refreshJwt) {
    throw new PublishError('auth_expired', 'Bluesky session data is incomplete; connect the account again');
  }
  return { service, did, handle, accessJwt, refreshJwt, pdsUrl };
}

/**
 * Runs `work` with an agent on the stored session. The session is resumed without a network call;
 * tokens are refreshed only when the network says so: the agent refreshes by itself on 401 and
 * `ExpiredToken`, and we refresh and retry once on `InvalidToken` (e.g. a corrupted or revoked access
 * token). Every refresh is reported through `ctx.onAuthRefreshed`. `work` must be idempotent.
 * A refresh that fails becomes `auth_expired`; every other failure is classified by `classify`.
 */
export async function withSession<T>(ctx: ConnectorContext, work: (agent: AtpAgent, did: string) => Promise<T>): Promise<T> {
  const auth = parseAuth(ctx.auth);
  const stored: Promise<void>[] = [];
  const agent = new AtpAgent({
    service: auth.service,
    persistSession: (event, session) => {
      if (event === 'update' && session) {
        stored.push(ctx.onAuthRefreshed(toChannelAuth(auth.service, session, agent.pdsUrl)));
      }
    },
  });
  agent.sessionManager.session = { did: auth.did, handle: auth.handle, accessJwt: auth.accessJwt, refreshJwt: auth.refreshJwt, active: true };
  if (auth.pdsUrl) agent.sessionManager.pdsUrl = new URL(auth.pdsUrl);

  const storeRefreshed = async () => {
    try {
      await Promise.all(stored.splice(0));
    } catch (err) {
      throw new PublishError('transient', `storing refreshed Bluesky tokens failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  try {
    try {
      return await work(agent, auth.did);
    } catch (err) {
      if (!isAuthError(err)) throw err;
      try {
        await agent.sessionManager.refreshSession();
      } catch (refreshErr) {
        throw new PublishError('auth_expired', `Bluesky session expired and could not be refreshed: ${classify(refreshErr).message}`, {
          networkCode: classify(refreshErr).opts.networkCode,
        });
      }
      return await work(agent, auth.did);
    }
  } catch (err) {
    await storeRefreshed().catch(() => undefined);
    throw classify(err);
  } finally {
    await storeRefreshed();
  }
}
