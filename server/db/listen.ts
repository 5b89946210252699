import pg from 'pg';

/** Stops listening; resolves once the listening connection is closed. */
export type Unlisten = () => Promise<void>;
export type Listen = (channel: string, onPayload: (payload: string) => void) => Promise<Unlisten>;

const CHANNEL = /^[a-z_][a-z0-9_]*$/;
const RECONNECT_MS = [250, 1000, 5000];

/**
 * LISTEN on PostgreSQL needs a connection of its own (a pooled one would be handed to other queries).
 * When the server drops it (restart, failover), it reconnects with a short backoff; notifications sent
 * meanwhile are lost, which SSE clients already live with (they refetch when they reconnect).
 */
export function pgListen(connectionString: string, onError: (err: Error) => void = () => undefined): Listen {
  return async (channel, onPayload) => {
    if (!CHANNEL.test(channel)) throw new Error(`Not a channel name: ${channel}`);
    let client: pg.Client | null = null;
    let stopped = false;
    let attempt = 0;
    let timer: NodeJS.Timeout | undefined;
    const connect = async () => {
      const c = new pg.Client({ connectionString });
      c.on('notification', (m) => {
        if (m.channel === channel && m.payload !== undefined) onPayload(m.payload);
      });
      c.on('error', (err) => onError(err));
      c.on('end', () => {
        if (client === c) client = null;
        if (!stopped) retry();
      });
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      client = c;
      attempt = 0;
    };
    const retry = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        connect().catch((err: Error) => {
          onError(err);
          attempt++;
          if (!stopped) retry();
        });
      }, RECONNECT_MS[Math.min(attempt, RECONNECT_MS.length - 1)]);
      timer.unref();
    };
    await connect();
    return async () => {
      stopped = true;
      clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    };
  };
}
