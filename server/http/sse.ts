import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RealtimeHub } from '../realtime';

/** Proxies close connections silent for 30–60 s; a comment line every 25 s keeps ours open. */
export const SSE_HEARTBEAT_MS = 25_000;
/** How long the browser's EventSource waits before reconnecting after the stream drops. */
export const SSE_RETRY_MS = 3_000;

/** Unread bytes a client may leave queued before its stream is closed. */
const MAX_BUFFERED_BYTES = 1_000_000;

export interface SseOptions {
  hub: RealtimeHub;
  channels: readonly string[];
  heartbeatMs?: number;
}

/**
 * Turns the reply into a Server-Sent Events stream of the hub's messages on `channels`. The stream
 * opens with `retry:` and a `: connected` comment (the subscription is live from then on), sends
 * `: ping` comments as heartbeats, and releases its subscription and timer when the client goes,
 * when the server shuts down, or when a write fails.
 */
export function streamEvents(req: FastifyRequest, reply: FastifyReply, { hub, channels, heartbeatMs = SSE_HEARTBEAT_MS }: SseOptions): void {
  reply.hijack();
  const res = reply.raw;
  // Headers set by hooks (helmet's) are kept: the hijacked reply no longer sends them itself.
  res.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // nginx buffers responses unless told not to.
    'x-accel-buffering': 'no',
  });
  let open = true;
  const write = (chunk: string) => {
    if (!open) return;
    res.write(chunk);
    // A client that stops reading would make Node buffer for ever: drop it; EventSource reconnects.
    if (res.destroyed || res.writableLength > MAX_BUFFERED_BYTES) close();
  };
  const unsubscribe = hub.subscribe(channels, (m) => write(`event: ${m.event}\ndata: ${JSON.stringify(m.data)}\n\n`));
  const beat = setInterval(() => write(': ping\n\n'), heartbeatMs);
  beat.unref();
  const untrack = hub.trackStream(() => close());
  function close() {
    if (!open) return;
    open = false;
    clearInterval(beat);
    unsubscribe();
    untrack();
    if (!res.writableEnded) res.end();
  }
  req.raw.on('close', close);
  res.on('close', close);
  res.on('error', close);
  write(`retry: ${SSE_RETRY_MS}\n: connected\n\n`);
}
