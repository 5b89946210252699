import { sinkConnector, sinkStore, signSinkWebhook, SINK_SIGNATURE_HEADER } from '.';
import { connectorContract, type Scenario } from '../test/contract';
import type { Recording } from '../test/fixtureServer';

/** The local sink passes the same contract as the real networks (its "network" is in-process). */
const failures: Partial<Record<Scenario, Parameters<typeof sinkStore.failNext>[1]>> = {
  error_auth_expired: { kind: 'auth_expired', message: 'Token revoked by the sink' },
  error_rate_limited: { kind: 'rate_limited', message: 'Slow down', retryAfter: new Date(Date.now() + 60_000) },
  error_rejected: { kind: 'rejected', message: 'Duplicate content refused by the sink' },
  error_transient: { kind: 'transient', message: 'Sink is restarting' },
};

const ACCOUNT = 'contract';

/** What the network holds for each scenario, and the scenario's input, as a recording would give it. */
function setUp(scenario: Scenario): Partial<Recording> {
  const comment = () => sinkStore.addInbound(ACCOUNT, { text: 'What time does the tour start?', kind: 'comment', rootId: 'sink://contract/1' });
  switch (scenario) {
    case 'pull_inbound':
      comment();
      sinkStore.addInbound(ACCOUNT, { text: '@contract see you there', kind: 'mention' });
      return {};
    case 'reply': {
      const c = comment();
      return { input: { to: { id: c.networkId, kind: c.kind, root: { id: 'sink://contract/1' } } } };
    }
    case 'hide_comment':
    case 'delete_comment': {
      const c = comment();
      return { input: { item: { id: c.networkId, kind: c.kind } } };
    }
    case 'post_metrics': {
      const ref = sinkStore.publish(ACCOUNT, { text: 'Measured', media: [], idempotencyKey: 'contract-measured', scheduledAt: new Date() });
      sinkStore.setMetrics(ref.id, { likes: 3, reposts: 1, replies: 2, quotes: 0, impressions: 120, raw: { like_count: 3, view_count: 120 } });
      return { input: { refs: [ref] } };
    }
    case 'webhook': {
      const body = JSON.stringify({ items: [{ networkId: 'sink-in://contract/pushed-1', kind: 'message', author: { id: 'sink:giulia', handle: 'giulia' }, text: 'Ciao! Are you open on Sunday?', createdAt: '2026-11-23T10:00:00.000Z' }] });
      return { webhook: { secret: 'sink-webhook-secret', headers: { [SINK_SIGNATURE_HEADER]: signSinkWebhook(body, 'sink-webhook-secret') }, body } };
    }
    default:
      return {};
  }
}

connectorContract({
  connector: sinkConnector,
  async prepare(scenario) {
    sinkStore.reset();
    const fault = failures[scenario];
    if (fault) sinkStore.failNext(1, fault);
    const expectMessage = fault && 'message' in fault ? fault.message : undefined;
    return {
      ctx: { auth: { account: ACCOUNT }, onAuthRefreshed: async () => {} },
      recording: { source: 'in-process sink', exchanges: [], input: scenario === 'connect' ? { account: ACCOUNT } : undefined, expectMessage, ...setUp(scenario) },
      finish: () => {},
    };
  },
});
