import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A webhook receiver on loopback, written the way README.md tells receivers to be written: it checks
 * the signature over the raw bytes with its own HMAC (not the connector's helper), dedupes by
 * Idempotency-Key and answers `{id, url}`. Tests can make it answer anything else instead.
 */
export interface Delivery {
  headers: IncomingHttpHeaders;
  rawBody: string;
  signatureValid: boolean;
}

export type Answer = { status: number; body?: string; headers?: Record<string, string>; delayMs?: number };

export class TestReceiver {
  readonly deliveries: Delivery[] = [];
  private byKey = new Map<string, { id: string; url: string }>();
  private queued: Answer[] = [];
  private server: Server | null = null;
  private seq = 0;
  url = '';

  constructor(readonly secret: string) {}

  /** The next requests get these answers, in order, whatever they carry. */
  answerNext(...answers: Answer[]) {
    this.queued.push(...answers);
  }

  reset() {
    this.deliveries.length = 0;
    this.byKey.clear();
    this.queued = [];
  }

  /** How many posts it accepted (repeats of a key count once). */
  get accepted(): number {
    return this.byKey.size;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        // The documented recipe: HMAC-SHA256 of the raw body with the secret, hex, after "sha256=".
        const expected = Buffer.from(`sha256=${createHmac('sha256', this.secret).update(raw).digest('hex')}`);
        const given = Buffer.from(String(req.headers['x-tandem-signature'] ?? ''));
        const signatureValid = given.length === expected.length && timingSafeEqual(given, expected);
        this.deliveries.push({ headers: req.headers, rawBody: raw.toString('utf8'), signatureValid });
        const answer = this.queued.shift();
        const reply = () => {
          if (answer) {
            res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
            res.end(answer.body ?? '');
            return;
          }
          if (!signatureValid) {
            res.writeHead(401, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ error: 'bad signature' }));
            return;
          }
          const key = String(req.headers['idempotency-key'] ?? '');
          if (req.headers['x-tandem-event'] === 'post.deleted') {
            res.writeHead(204).end();
            return;
          }
          let post = this.byKey.get(key);
          if (!post) {
            const n = ++this.seq;
            post = { id: `recv-${n}`, url: `https://receiver.example/posts/${n}` };
            this.byKey.set(key, post);
          }
          res.writeHead(201, { 'content-type': 'application/json' });
          res.end(JSON.stringify(post));
        };
        if (answer?.delayMs) setTimeout(reply, answer.delayMs);
        else reply();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/tandem`;
    return this;
  }

  async stop() {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}
