import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { createLogger } from '../logger';
import { RealtimeHub } from '../realtime';
import { until } from '../test/until';
import { SSE_RETRY_MS, streamEvents } from './sse';

/** The SSE writer on a bare Fastify: framing, heartbeats, and no subscription left behind. */
const hub = new RealtimeHub(createLogger('silent'));
const app = Fastify();
app.get('/stream', async (req, reply) => {
  streamEvents(req, reply, { hub, channels: ['a', 'b'], heartbeatMs: 50 });
  return reply;
});
let url = '';
beforeAll(async () => {
  url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/stream`;
});
afterAll(async () => app.close());

async function read(url: string, until: (text: string) => boolean) {
  const abort = new AbortController();
  const res = await fetch(url, { signal: abort.signal });
  let text = '';
  const decoder = new TextDecoder();
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    text += decoder.decode(chunk, { stream: true });
    if (until(text)) break;
  }
  abort.abort();
  return { res, text };
}

describe('streamEvents', () => {
  it('opens with retry and a comment, sends heartbeats, and unsubscribes when the client leaves', async () => {
    const { res, text } = await read(url, (t) => t.includes(': ping\n\n'));
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    expect(text.startsWith(`retry: ${SSE_RETRY_MS}\n: connected\n\n`)).toBe(true);
    await until('the subscriptions to be released', async () => hub.subscriptionCount() === 0);
  });

  it('ends open streams when the hub stops, so shutting down does not wait on them', async () => {
    const res = await fetch(url);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    expect(hub.subscriptionCount()).toBe(2);
    hub.endStreams();
    for (let r = await reader.read(); !r.done; r = await reader.read());
    expect(hub.subscriptionCount()).toBe(0);
  });
});
