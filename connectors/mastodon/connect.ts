import { MastoHttpError } from 'masto';
import { PublishError, type ConnectedAccount } from '../types';
import { clientFor, normalizeInstance } from './client';
import { classify, isNotFound } from './errors';
import { limitsFromInstance, type InstanceConfigurationLike } from './limits';

/**
 * Connects with the instance address and an access token the user created in their instance's
 * Preferences → Development → New application (scopes `read` and `write`). The token is checked with
 * verify_credentials; the instance's limits come from GET /api/v2/instance.
 */
export async function connectAccount(input: Record<string, string>): Promise<ConnectedAccount> {
  const accessToken = input.accessToken?.trim();
  if (!input.instance?.trim() || !accessToken) throw new PublishError('rejected', 'instance and accessToken are required');
  const instance = normalizeInstance(input.instance);
  const client = clientFor(instance, accessToken);

  let me;
  try {
    me = await client.v1.accounts.verifyCredentials();
  } catch (err) {
    // At connect time a 401 means a wrong or revoked token, not an expired channel.
    if (err instanceof MastoHttpError && err.statusCode === 401) {
      throw new PublishError('rejected', err.message || 'The access token is invalid', { networkCode: '401' });
    }
    throw classify(err);
  }

  let domain = new URL(instance).host;
  let configuration: InstanceConfigurationLike | undefined;
  try {
    const info = await client.v2.instance.fetch();
    domain = info.domain || domain;
    configuration = info.configuration as InstanceConfigurationLike | undefined;
  } catch (err) {
    // Before Mastodon 4.0 there is no v2 instance: the manifest's defaults apply.
    if (!isNotFound(err)) throw classify(err);
  }

  return {
    auth: { instance, accessToken, accountId: me.id, acct: me.acct },
    account: { id: me.id, handle: `${me.username}@${domain}`, ...(me.displayName ? { displayName: me.displayName } : {}) },
    limits: limitsFromInstance(configuration),
  };
}
