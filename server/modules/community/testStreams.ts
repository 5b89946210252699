import type { TestTandem } from '../../test/testServer';
import type { JobDefinition } from '../../jobs/defineJob';

export interface SseEvent {
  event: string;
  data: unknown;
}

/** Reads a Server-Sent Events response over HTTP the way EventSource does, keeping every event and comment. */
export async function openStream(url: string, cookie = '') {
  const abort = new AbortController();
  const res = await fetch(url, { headers: cookie ? { cookie, accept: 'text/event-stream' } : { accept: 'text/event-stream' }, signal: abort.signal });
  const events: SseEvent[] = [];
  let raw = '';
  const done = (async () => {
    if (!res.body) return;
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        raw += decoder.decode(chunk, { stream: true });
        let cut: number;
        while ((cut = raw.indexOf('\n\n')) >= 0) {
          const block = raw.slice(0, cut);
          raw = raw.slice(cut + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (name && data !== undefined) events.push({ event: name, data: JSON.parse(data) });
          else if (block.includes(': connected')) events.push({ event: ':connected', data: null });
        }
      }
    } catch {
      /* aborted */
    }
  })();
  return {
    status: res.status,
    headers: res.headers,
    events,
    async waitFor(what: string, check: (e: SseEvent) => boolean, ms = 15_000): Promise<SseEvent> {
      const end = Date.now() + ms;
      for (;;) {
        const hit = events.find(check);
        if (hit) return hit;
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(events)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      abort.abort();
      await done;
    },
    body: async () => (res.status === 200 ? '' : res.text()),
  };
}

/** Runs a job through the real queue and waits until it (and any job it queued of `alsoWaitFor`) is done. */
export async function runJob<P>(t: TestTandem, job: JobDefinition<import('zod').ZodType<P>>, payload: P, alsoWaitFor: string[] = []): Promise<void> {
  const id = await t.jobs.enqueue(t.database.db, job, payload);
  const end = Date.now() + 40_000;
  for (;;) {
    const { rows } = await t.database.executor.executeSql("SELECT count(*)::int AS n FROM pgboss.job WHERE (id = $1 OR name = ANY($2::text[])) AND state < 'completed'", [id, alsoWaitFor]);
    const { rows: mine } = await t.database.executor.executeSql('SELECT state::text AS state FROM pgboss.job WHERE id = $1', [id]);
    const state = (mine[0] as { state?: string } | undefined)?.state;
    if (state === 'failed') throw new Error(`job ${job.id} failed`);
    if (Number((rows[0] as { n: number }).n) === 0 && state) return;
    if (Date.now() > end) throw new Error(`timed out waiting for job ${job.id}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
