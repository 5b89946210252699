import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback site answering every path with a small RSS 2.0 feed (for tests that only need "a feed"). */
export async function startFeedSite(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Walk feed ${req.url}</title><link>https://caffeaurora.demo/</link><description>x</description><item><title>One</title><link>https://caffeaurora.demo/one</link><guid>one</guid></item></channel></rss>`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
