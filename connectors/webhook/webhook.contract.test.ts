import { expect } from 'vitest';
import { connectorContract, type Scenario } from '../test/contract';
import { createWebhookConnector } from '.';
import { TestReceiver, type Answer } from './testReceiver';

/**
 * The webhook passes the shared contract against a live receiver on loopback (private addresses are
 * allowed for this instance only). Error scenarios make the receiver answer as a real one would.
 */
const SECRET = 'whsec-contract-3f9a';
const receiver = new TestReceiver(SECRET);
let started: Promise<TestReceiver> | null = null;

const failures: Partial<Record<Scenario, { answer: Answer; expectMessage: string }>> = {
  error_auth_expired: { answer: { status: 401, body: 'signature mismatch for key whk_live' }, expectMessage: 'signature mismatch for key whk_live' },
  error_rate_limited: { answer: { status: 429, body: 'slow down', headers: { 'retry-after': '30' } }, expectMessage: 'slow down' },
  error_rejected: { answer: { status: 422, body: '{"error":"text must not mention competitors"}', headers: { 'content-type': 'application/json' } }, expectMessage: '{"error":"text must not mention competitors"}' },
  error_transient: { answer: { status: 500, body: 'upstream database unavailable' }, expectMessage: 'upstream database unavailable' },
};

connectorContract({
  connector: createWebhookConnector({ allowPrivateHosts: () => true }),
  async prepare(scenario) {
    await (started ??= receiver.start());
    receiver.reset();
    const fault = failures[scenario];
    if (fault) receiver.answerNext(fault.answer);
    return {
      ctx: { auth: { url: receiver.url, secret: SECRET }, onAuthRefreshed: async () => {} },
      recording: { source: 'live loopback receiver (connectors/webhook/testReceiver.ts)', exchanges: [], input: scenario === 'connect' ? { url: receiver.url, secret: SECRET } : undefined, expectMessage: fault?.expectMessage },
      sent: () => receiver.deliveries.map((d) => d.rawBody),
      finish: () => {
        expect(receiver.deliveries.every((d) => d.signatureValid), 'every delivery carries a valid signature').toBe(true);
      },
    };
  },
  close: () => receiver.stop(),
});
