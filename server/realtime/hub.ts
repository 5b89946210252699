import type { Db } from '../db/client';
import type { Listen, Unlisten } from '../db/listen';
import type { Logger } from '../logger';
import { sql } from 'drizzle-orm';

/** The one NOTIFY channel every instance listens to; messages name their own logical channel. */
export const REALTIME_CHANNEL = 'tandem_realtime';

/** What travels: a logical channel (`thread:<id>`, `member:<id>`), an SSE event name and its JSON data. */
export interface RealtimeMessage {
  channel: string;
  event: string;
  data: Record<string, unknown>;
}
type Handler = (m: RealtimeMessage) => void;

/**
 * Publishes through `db` with pg_notify. Given the caller's transaction, PostgreSQL (and PGlite) hold
 * the notification until COMMIT and drop it on ROLLBACK: listeners never hear of a write that did not happen.
 * Payloads carry ids only (NOTIFY payloads are limited to 8000 bytes, and clients re-read through the API,
 * which checks visibility again).
 */
export async function publish(db: Db, channel: string, event: string, data: Record<string, unknown>): Promise<void> {
  await db.execute(sql`select pg_notify(${REALTIME_CHANNEL}, ${JSON.stringify({ c: channel, e: event, d: data })})`);
}

/**
 * Fan-out inside one process: one LISTEN per process, subscribers by logical channel. Instances of a
 * scaled-out deployment each listen and each deliver to their own SSE clients.
 */
export class RealtimeHub {
  private readonly subscribers = new Map<string, Set<Handler>>();
  private readonly streams = new Set<() => void>();
  private unlisten: Unlisten | null = null;

  constructor(private readonly log: Logger) {}

  async start(listen: Listen): Promise<void> {
    this.unlisten = await listen(REALTIME_CHANNEL, (payload) => this.dispatch(payload));
  }

  get started(): boolean {
    return this.unlisten !== null;
  }

  /** Calls `handler` for each message on any of `channels`; returns the function that stops it. */
  subscribe(channels: readonly string[], handler: Handler): () => void {
    for (const c of channels) {
      let set = this.subscribers.get(c);
      if (!set) this.subscribers.set(c, (set = new Set()));
      set.add(handler);
    }
    return () => {
      for (const c of channels) {
        const set = this.subscribers.get(c);
        set?.delete(handler);
        if (set?.size === 0) this.subscribers.delete(c);
      }
    };
  }

  /** Subscriptions held now (each SSE client holds one per channel): a leak shows here, and in /metrics. */
  subscriptionCount(): number {
    let n = 0;
    for (const set of this.subscribers.values()) n += set.size;
    return n;
  }

  /** Open streams register how to end themselves, so shutting down does not wait on them. */
  trackStream(end: () => void): () => void {
    this.streams.add(end);
    return () => this.streams.delete(end);
  }

  endStreams(): void {
    for (const end of [...this.streams]) end();
  }

  async stop(): Promise<void> {
    this.endStreams();
    const u = this.unlisten;
    this.unlisten = null;
    await u?.();
  }

  private dispatch(payload: string): void {
    let m: { c?: unknown; e?: unknown; d?: unknown };
    try {
      m = JSON.parse(payload) as typeof m;
    } catch {
      this.log.warn({ payload: payload.slice(0, 200) }, 'realtime: unreadable notification ignored');
      return;
    }
    if (typeof m.c !== 'string' || typeof m.e !== 'string' || typeof m.d !== 'object' || m.d === null) return;
    const handlers = this.subscribers.get(m.c);
    if (!handlers) return;
    const message: RealtimeMessage = { channel: m.c, event: m.e, data: m.d as Record<string, unknown> };
    // Delivered outside the database's notification callback (PGlite calls it mid-query).
    setImmediate(() => {
      for (const h of handlers) {
        try {
          h(message);
        } catch (err) {
          this.log.warn({ err }, 'realtime: a subscriber failed');
        }
      }
    });
  }
}
