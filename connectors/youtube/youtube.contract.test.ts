import { fileURLToPath } from 'node:url';
import { connectorContract, fixtureHarness, type ContractHarness } from '../test/contract';
import type { Connector, MediaInput } from '../types';
import { youtubeConnector } from './index';

const dir = fileURLToPath(new URL('./recordings', import.meta.url));
const auth = {
  accessToken: 'recorded-access-token',
  refreshToken: 'recorded-refresh-token',
  expiresAt: '2099-01-01T00:00:00.000Z',
  clientId: 'tandem-client',
  clientSecret: 'tandem-secret',
  channelId: 'UCq7mW2x9CaffeAurora01',
  uploadsPlaylistId: 'UUq7mW2x9CaffeAurora01',
};

/**
 * The contract's failure scenarios publish text alone, which YouTube cannot take (refused before any
 * call, see youtube.test.ts). To reach the network's recorded failures they carry the contract's clip.
 */
const clip: MediaInput = { bytes: Uint8Array.from(Buffer.from('AAAAIGZ0eXBpc29tAAACAGlzb21pc28yYXZjMW1wNDE=', 'base64')), mimeType: 'video/mp4', altText: '' };
const withClip: Connector = { ...youtubeConnector, publish: (ctx, input) => youtubeConnector.publish(ctx, input.media.length > 0 ? input : { ...input, media: [clip] }) };

const fixtures = fixtureHarness(withClip, dir, auth);
const harness: ContractHarness = {
  ...fixtures,
  prepare: async (scenario) => (scenario === 'publish_text' ? { skip: 'YouTube publishes videos only; a text alone is refused (youtube.test.ts)' } : fixtures.prepare(scenario)),
};

connectorContract(harness);
