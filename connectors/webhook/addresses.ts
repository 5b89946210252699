import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';

/**
 * The SSRF guard of the webhook connector. The server has its own (link previews), but connectors
 * may not import server code, so the few lines of address checking are repeated here. The check runs
 * inside the socket's DNS lookup, on the very address the request then connects to, so a name that
 * resolves to a public address when checked and a private one when used (DNS rebinding) is refused too.
 */
export function isPrivateAddress(ip: string): boolean {
  if (ip.includes(':')) {
    const v = ip.toLowerCase();
    if (v.startsWith('::ffff:')) return isPrivateAddress(v.slice(7));
    return v === '::1' || v === '::' || v.startsWith('fc') || v.startsWith('fd') || v.startsWith('fe80');
  }
  const [a = 0, b = 0] = ip.split('.').map(Number);
  return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
}

export class PrivateAddressError extends Error {
  constructor(readonly host: string) {
    super(`${host} is a private or loopback address; this server does not send webhooks there.`);
    this.name = 'PrivateAddressError';
  }
}

/** The host of a URL as `isIP` sees it (IPv6 literals lose their brackets). */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for node:http that fails when any resolved address is private. */
export function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '', 4);
    const list = addresses as LookupAddress[];
    if (list.length === 0 || list.some((a) => isPrivateAddress(a.address))) return callback(new PrivateAddressError(hostname), '', 4);
    if (options.all) return callback(null, list);
    const first = list[0]!;
    callback(null, first.address, first.family);
  });
}

/** Refuses an IP literal that is private: a literal is never looked up (names are checked at lookup time). */
export function assertPublicLiteral(url: URL): void {
  const host = bareHost(url);
  if (isIP(host) && isPrivateAddress(host)) throw new PrivateAddressError(host);
}
