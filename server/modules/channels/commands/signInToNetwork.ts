import type { Connector } from '../../../../connectors/types';
import { PublishError } from '../../../../connectors/types';
import { AppError } from '../../../errors';

/** The connector's sign-in, with the network's refusal turned into a message for the person connecting. */
export async function signInToNetwork(connector: Connector, credentials: Record<string, string>) {
  try {
    return await connector.connect(credentials);
  } catch (err) {
    if (err instanceof PublishError) throw new AppError('BAD_REQUEST', `${connector.capabilities.displayName} refused the connection: ${err.message}`, { kind: err.kind });
    throw err;
  }
}
