import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { assertPublicLiteral, publicOnlyLookup } from './addresses';

/** What the receiver answered; the body is read up to `MAX_RESPONSE_BYTES` and kept as text. */
export interface ReceiverAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface SendOptions {
  url: URL;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  allowPrivate: boolean;
}

const MAX_RESPONSE_BYTES = 64 * 1024;

export class TimeoutError extends Error {
  constructor(ms: number) {
    super(`The webhook did not answer within ${Math.round(ms / 1000)} s.`);
    this.name = 'TimeoutError';
  }
}

/**
 * One POST (or other method) to the receiver, through node:http so the address guard can sit in the
 * socket's DNS lookup. Redirects are not followed: a redirect could lead to an address the guard
 * would refuse, and a webhook URL that moved should be changed by the user.
 */
export function send(method: 'POST', opts: SendOptions): Promise<ReceiverAnswer> {
  const { url, body, headers, timeoutMs, allowPrivate } = opts;
  if (!allowPrivate) assertPublicLiteral(url);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, ...(allowPrivate ? {} : { lookup: publicOnlyLookup }) }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        if (size < MAX_RESPONSE_BYTES) chunks.push(c);
        size += c.length;
      });
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString('utf8') });
      });
      res.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
    const timer = setTimeout(() => req.destroy(new TimeoutError(timeoutMs)), timeoutMs);
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(body);
  });
}
