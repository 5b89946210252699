import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, existsSync } from 'node:fs';

/**
 * A loopback HTTP server that answers with recorded responses of a network's API, in the network's
 * documented shapes, so a connector and its official client library really speak HTTP in tests.
 * Each recorded exchange is answered once, in order (or every time when `repeat`); anything else is
 * answered 599 and recorded as unexpected, so a test sees a connector calling what it should not.
 */
export interface RecordedExchange {
  match: {
    method: string;
    /** The request path without the query; `*` matches one path segment. */
    path: string;
    /** Query parameters that must be present with these values. */
    query?: Record<string, string>;
    /** Substrings the raw request body must contain (the text we published, a field name…). */
    bodyIncludes?: string[];
  };
  response: { status: number; headers?: Record<string, string>; body?: unknown; text?: string };
  repeat?: boolean;
}

/** One scenario's recording: the exchanges, plus what the scenario needs (auth, expected message…). */
export interface Recording {
  /** Where the recording's shapes come from (the network's API reference page and version). */
  source: string;
  exchanges: RecordedExchange[];
  auth?: Record<string, string>;
  /** For error scenarios: text the connector's error message must carry verbatim from the network. */
  expectMessage?: string;
  /** Scenario input (the refs to measure, the item to answer…), in the connector's own terms. */
  input?: Record<string, unknown>;
  /** For the webhook scenario: a request as the network pushes it, and the secret it was signed with. */
  webhook?: { secret: string; headers: Record<string, string>; body: string; query?: Record<string, string> };
}

export interface ReceivedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: string;
  matched: boolean;
}

export class FixtureServer {
  readonly received: ReceivedRequest[] = [];
  private pending: RecordedExchange[] = [];
  private server: Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const u = new URL(req.url ?? '/', 'http://fixture');
        const query = Object.fromEntries(u.searchParams);
        const i = this.pending.findIndex((e) => matches(e, req.method ?? 'GET', u.pathname, query, body));
        this.received.push({ method: req.method ?? 'GET', path: u.pathname, query, headers: req.headers, body, matched: i >= 0 });
        if (i < 0) {
          res.writeHead(599, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: `No recorded response for ${req.method} ${u.pathname}` }));
          return;
        }
        const ex = this.pending[i]!;
        if (!ex.repeat) this.pending.splice(i, 1);
        const { status, headers = {}, body: json, text } = ex.response;
        const payload = text ?? (json === undefined ? '' : JSON.stringify(json));
        const type = text !== undefined ? 'text/plain' : 'application/json';
        res.writeHead(status, { 'content-type': type, ...headers });
        res.end(payload);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Replace what the server answers with this recording's exchanges. */
  load(recording: Recording) {
    this.pending = recording.exchanges.map((e) => ({ ...e }));
    this.received.length = 0;
  }

  /** Requests that matched no recorded exchange. */
  unexpected(): ReceivedRequest[] {
    return this.received.filter((r) => !r.matched);
  }

  /** Recorded exchanges (not repeating) that were never asked for. */
  unused(): RecordedExchange[] {
    return this.pending.filter((e) => !e.repeat);
  }

  async stop() {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}

function matches(e: RecordedExchange, method: string, path: string, query: Record<string, string>, body: string): boolean {
  if (e.match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (!pathMatches(e.match.path, path)) return false;
  for (const [k, v] of Object.entries(e.match.query ?? {})) if (query[k] !== v) return false;
  return (e.match.bodyIncludes ?? []).every((s) => body.includes(s));
}

function pathMatches(pattern: string, path: string): boolean {
  const a = pattern.split('/');
  const b = path.split('/');
  return a.length === b.length && a.every((seg, i) => seg === '*' || seg === b[i]);
}

/** A connector's recording for a scenario, from `<dir>/<scenario>.json`, or null when it has none. */
export function readRecording(dir: string, scenario: string): Recording | null {
  const file = `${dir}/${scenario}.json`;
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Recording) : null;
}
