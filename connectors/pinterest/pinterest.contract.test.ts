import { fileURLToPath } from 'node:url';
import { connectorContract, fixtureHarness, type ContractHarness } from '../test/contract';
import type { Connector, MediaInput } from '../types';
import { pinterestConnector } from './index';

const dir = fileURLToPath(new URL('./recordings', import.meta.url));
const auth = { accessToken: 'recorded-access-token', refreshToken: 'recorded-refresh-token', expiresAt: '2099-01-01T00:00:00.000Z', clientId: 'tandem-client', clientSecret: 'tandem-secret', username: 'caffeaurora', boardId: '549755885175' };

/** The contract's failure scenarios publish text alone, which a Pin cannot be: they carry the contract's pixel. */
const pixel: MediaInput = { bytes: Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')), mimeType: 'image/png', altText: 'A single pixel' };
const withPixel: Connector = { ...pinterestConnector, publish: (ctx, input) => pinterestConnector.publish(ctx, input.media.length > 0 ? input : { ...input, media: [pixel] }) };

const fixtures = fixtureHarness(withPixel, dir, auth);
const harness: ContractHarness = {
  ...fixtures,
  prepare: async (scenario) => (scenario === 'publish_text' ? { skip: 'a Pin needs an image; a text alone is refused (pinterest.test.ts)' } : fixtures.prepare(scenario)),
};

connectorContract(harness);
