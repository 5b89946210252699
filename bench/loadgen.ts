import net from 'node:net';

/**
 * A small closed-loop HTTP/1.1 load generator on raw keep-alive sockets (autocannon is not a
 * dependency). Each connection sends one GET, reads the whole response, then sends the next, for a
 * fixed time. Loopback only; every loop is bounded in time and stops by itself.
 */
export interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  warmupMs: number;
  durationMs: number;
}

export interface LoadResult {
  /** Responses completed inside the measured window. */
  requests: number;
  non2xx: number;
  errors: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** CPU the load generator itself used, in cores (near 1.0 would mean it, not the server, is the limit). */
  clientCpu: number;
  /** Status line of the first non-2xx response, to explain a bad run. */
  firstBadStatus?: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const HEADER_END = Buffer.from('\r\n\r\n');
const CHUNKED_END = Buffer.from('\r\n0\r\n\r\n');

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function runLoad(o: LoadOptions): Promise<LoadResult> {
  const u = new URL(o.url);
  if (!LOOPBACK.has(u.hostname)) throw new Error(`load generator refuses non-loopback host ${u.hostname}`);
  if (u.protocol !== 'http:') throw new Error('http:// only');
  const port = Number(u.port || 80);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const head =
    `GET ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\nConnection: keep-alive\r\nAccept: application/json\r\n` +
    Object.entries(o.headers ?? {})
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('') +
    '\r\n';
  const request = Buffer.from(head, 'latin1');

  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const measureFrom = t0 + o.warmupMs;
  const end = measureFrom + o.durationMs;
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  let non2xx = 0;
  let errors = 0;
  let firstBadStatus: string | undefined;

  const record = (ms: number) => {
    if (count === latencies.length) {
      const bigger = new Float64Array(latencies.length * 2);
      bigger.set(latencies);
      latencies = bigger;
    }
    latencies[count++] = ms;
  };

  return new Promise((resolve) => {
    const sockets = new Set<net.Socket>();
    let open = o.connections;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(hardStop);
      for (const s of sockets) s.destroy();
      const sorted = latencies.slice(0, count).sort();
      const seconds = o.durationMs / 1000;
      const cpu = process.cpuUsage(cpu0);
      const clientCpu = (cpu.user + cpu.system) / 1000 / (performance.now() - t0);
      resolve({ clientCpu, requests: count, non2xx, errors, seconds, rps: count / seconds, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), maxMs: count ? sorted[count - 1]! : NaN, firstBadStatus });
    };
    // Whatever happens (a server that stops answering), stop a few seconds after the window.
    const hardStop = setTimeout(finish, o.warmupMs + o.durationMs + 5000);
    const connectionDone = () => {
      if (--open === 0) finish();
    };

    const connect = () => {
      let buf: Buffer = Buffer.alloc(0);
      let sentAt = 0;
      let done = false;
      const sock = net.connect({ host, port });
      sockets.add(sock);
      sock.setNoDelay(true);
      const send = () => {
        if (performance.now() >= end) {
          done = true;
          sock.end();
          connectionDone();
          return;
        }
        sentAt = performance.now();
        sock.write(request);
      };
      sock.on('connect', send);
      sock.on('data', (chunk: Buffer) => {
        buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
        const he = buf.indexOf(HEADER_END);
        if (he < 0) return;
        const headText = buf.toString('latin1', 0, he);
        let total: number;
        const cl = /\r\ncontent-length:\s*(\d+)/i.exec(headText);
        if (cl) {
          total = he + 4 + Number(cl[1]);
          if (buf.length < total) return;
        } else if (/\r\ntransfer-encoding:\s*chunked/i.test(headText)) {
          const ce = buf.indexOf(CHUNKED_END, he);
          if (ce < 0) return;
          total = ce + CHUNKED_END.length;
        } else {
          total = he + 4; // no body
        }
        buf = buf.subarray(total);
        const now = performance.now();
        const status = Number(headText.slice(9, 12));
        if (sentAt >= measureFrom && now <= end) {
          record(now - sentAt);
          if (status < 200 || status > 299) {
            non2xx++;
            firstBadStatus ??= headText.split('\r\n', 1)[0];
          }
        }
        send();
      });
      const broken = () => {
        sockets.delete(sock);
        if (done || finished) return;
        done = true;
        errors++;
        // Reconnect while the window lasts; a refused connection is counted, not retried in a tight loop.
        if (performance.now() < end) setTimeout(connect, 10);
        else connectionDone();
      };
      sock.on('error', broken);
      sock.on('close', broken);
    };
    for (let i = 0; i < o.connections; i++) connect();
  });
}
