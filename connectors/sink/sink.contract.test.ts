import { sinkConnector, sinkStore } from '.';
import { connectorContract, type Scenario } from '../test/contract';

/** The local sink passes the same contract as the real networks (its "network" is in-process). */
const failures: Partial<Record<Scenario, Parameters<typeof sinkStore.failNext>[1]>> = {
  error_auth_expired: { kind: 'auth_expired', message: 'Token revoked by the sink' },
  error_rate_limited: { kind: 'rate_limited', message: 'Slow down', retryAfter: new Date(Date.now() + 60_000) },
  error_rejected: { kind: 'rejected', message: 'Duplicate content refused by the sink' },
  error_transient: { kind: 'transient', message: 'Sink is restarting' },
};

connectorContract({
  connector: sinkConnector,
  async prepare(scenario) {
    sinkStore.reset();
    const fault = failures[scenario];
    if (fault) sinkStore.failNext(1, fault);
    const expectMessage = fault && 'message' in fault ? fault.message : undefined;
    return {
      ctx: { auth: { account: 'contract' }, onAuthRefreshed: async () => {} },
      recording: { source: 'in-process sink', exchanges: [], input: scenario === 'connect' ? { account: 'contract' } : undefined, expectMessage },
      finish: () => {},
    };
  },
});
