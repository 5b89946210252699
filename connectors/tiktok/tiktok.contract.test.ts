import { fileURLToPath } from 'node:url';
import { connectorContract, fixtureHarness, type ContractHarness, type Scenario } from '../test/contract';
import type { Connector, MediaInput } from '../types';
import { createTiktokConnector } from './index';

const dir = fileURLToPath(new URL('./recordings', import.meta.url));
const auth = { accessToken: 'recorded-access-token', refreshToken: 'recorded-refresh-token', expiresAt: '2099-01-01T00:00:00.000Z', clientKey: 'tandem-client', clientSecret: 'tandem-secret', openId: '-000OY6Lrecorded4pQUBC8rTEDc_3zTNLkA', username: 'caffeaurora' };

/** The contract's failure scenarios publish text alone, which TikTok cannot take: they carry the contract's clip. */
const clip: MediaInput = { bytes: Uint8Array.from(Buffer.from('AAAAIGZ0eXBpc29tAAACAGlzb21pc28yYXZjMW1wNDE=', 'base64')), mimeType: 'video/mp4', altText: '' };
const tiktok = createTiktokConnector({ intervalMs: 0, attempts: 5 });
const withClip: Connector = { ...tiktok, publish: (ctx, input) => tiktok.publish(ctx, input.media.length > 0 ? input : { ...input, media: [clip] }) };

const skips: Partial<Record<Scenario, string>> = {
  publish_text: 'TikTok publishes videos only; a text alone is refused (tiktok.test.ts)',
  delete: "TikTok's public API has no delete; the connector refuses with that reason (tiktok.test.ts)",
};
const fixtures = fixtureHarness(withClip, dir, auth);
const harness: ContractHarness = { ...fixtures, prepare: async (s) => (skips[s] ? { skip: skips[s]! } : fixtures.prepare(s)) };

connectorContract(harness);
