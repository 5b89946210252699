import type { ContractHarness } from '../test/contract';
import type { Connector } from '../types';

/** The OAuth app the contract's `oauth` scenario signs in with; refreshing uses the same one. */
export const CONTRACT_OAUTH_APP = { clientId: 'tandem-client', clientSecret: 'tandem-secret' };

/**
 * Test-only. The server gives a connector two things the contract's fixture harness does not (yet):
 * the operator's OAuth app on every context (`ctx.oauthClient`, for `refreshAuth`), and the connect
 * form's fields on `completeOAuth` (here from the `oauth` recording's `input.fields`). Both are added
 * only where the contract left them out, so this wrapper does nothing once connectors/test/contract.ts
 * passes them itself.
 */
export function withServerInputs(harness: ContractHarness): ContractHarness {
  let fields: Record<string, string> | undefined;
  const c = harness.connector;
  const connector: Connector = c.completeOAuth ? { ...c, completeOAuth: (input) => c.completeOAuth!({ ...input, fields: input.fields ?? fields }) } : c;
  return {
    ...harness,
    connector,
    async prepare(scenario) {
      const env = await harness.prepare(scenario);
      if ('skip' in env) return env;
      fields = env.recording?.input?.fields as Record<string, string> | undefined;
      env.ctx.oauthClient ??= CONTRACT_OAUTH_APP;
      return env;
    },
  };
}
