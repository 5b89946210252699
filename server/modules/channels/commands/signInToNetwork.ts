import type { Connector, HostServices } from '../../../../connectors/types';
import { PublishError } from '../../../../connectors/types';
import { AppError } from '../../../errors';
import { assertPublicAddresses } from './assertPublicAddresses';

/**
 * The connector's sign-in, with the network's refusal turned into a message for the person
 * connecting. Typed server addresses are checked first: the server is about to call them.
 */
export async function signInToNetwork(connector: Connector, credentials: Record<string, string>, host?: HostServices) {
  await assertPublicAddresses(connector.capabilities.connectFields, credentials);
  try {
    return await connector.connect(credentials, { ...(host && { host }) });
  } catch (err) {
    if (err instanceof PublishError) throw new AppError('BAD_REQUEST', `${connector.capabilities.displayName} refused the connection: ${err.message}`, { kind: err.kind });
    throw err;
  }
}
