import { fileURLToPath } from 'node:url';
import { connectorContract, fixtureHarness, type ContractHarness } from '../test/contract';
import type { Connector, MediaInput } from '../types';
import { pollSchedule } from '../threads/containers';
import { instagramConnector } from './index';

/** Instagram against recorded answers of its API (shapes from developers.facebook.com; each recording names its page). */
const recordings = fileURLToPath(new URL('./recordings', import.meta.url));
pollSchedule.delaysMs = [0, 10, 10, 10];

const PIXEL: MediaInput = { bytes: new Uint8Array(70), mimeType: 'image/png', altText: 'A single pixel of Caffè Aurora orange', width: 1, height: 1 };

/**
 * Two gaps between the shared contract and Instagram, bridged here and nowhere else:
 * - Instagram fetches media from a public URL that the server's media store signs; the contract's media
 *   carry bytes only, so they get a signed URL here.
 * - Instagram has no text-only posts, and the contract's failure scenarios publish text only: here they
 *   carry one picture, so the failure comes from the recorded answer, not from the connector's own refusal.
 */
function asTheServerWould(c: Connector): Connector {
  const sign = (m: MediaInput): MediaInput => (m.publicUrl ? m : { ...m, publicUrl: `https://media.tandem.example/signed/${m.mimeType.startsWith('video/') ? 'clip.mp4' : 'pixel.png'}?expires=1795000000&signature=test` });
  return { ...c, publish: (ctx, input) => c.publish(ctx, { ...input, media: (input.media.length ? input.media : [PIXEL]).map(sign) }) };
}

const fixtures = fixtureHarness(asTheServerWould(instagramConnector), recordings, {
  accessToken: 'ig-access-token',
  expiresAt: '2027-01-20T09:00:00.000Z',
  userId: '17841405822304914',
  username: 'caffeaurora',
});

const NOT_ON_INSTAGRAM: Partial<Record<string, string>> = {
  publish_text: 'Instagram has no text-only posts (the connector refuses them; see instagram.test.ts).',
  delete: 'The Instagram API cannot delete a published post (the connector refuses; see instagram.test.ts).',
};

const harness: ContractHarness = {
  ...fixtures,
  prepare: async (scenario) => (NOT_ON_INSTAGRAM[scenario] ? { skip: NOT_ON_INSTAGRAM[scenario]! } : fixtures.prepare(scenario)),
};

connectorContract(harness);
