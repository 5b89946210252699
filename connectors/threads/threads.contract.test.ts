import { fileURLToPath } from 'node:url';
import { connectorContract, fixtureHarness } from '../test/contract';
import type { Connector, MediaInput } from '../types';
import { pollSchedule } from './containers';
import { threadsConnector } from './index';

/** Threads against recorded answers of its API (shapes from developers.facebook.com; each recording names its page). */
const recordings = fileURLToPath(new URL('./recordings', import.meta.url));
pollSchedule.delaysMs = [0, 10, 10, 10];

/**
 * Threads fetches media from a public URL, which the server's media store signs (MediaInput.publicUrl).
 * The contract's media carry bytes only, so this harness signs them the way the store would.
 */
function withSignedUrls(c: Connector): Connector {
  const sign = (m: MediaInput): MediaInput => (m.publicUrl ? m : { ...m, publicUrl: `https://media.tandem.example/signed/${m.mimeType.startsWith('video/') ? 'clip.mp4' : 'pixel.png'}?expires=1795000000&signature=test` });
  return { ...c, publish: (ctx, input) => c.publish(ctx, { ...input, media: input.media.map(sign) }) };
}

connectorContract(
  fixtureHarness(withSignedUrls(threadsConnector), recordings, {
    accessToken: 'threads-access-token',
    expiresAt: '2027-01-20T09:00:00.000Z',
    userId: '17841400000000001',
    username: 'caffeaurora',
  }),
);
