import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/**
 * Requests the server makes to addresses users choose (link previews, feeds, card images): they
 * must never reach the server's own network (SSRF). Tests fetch from loopback servers, so the check
 * can be switched off by configuration (LINK_PREVIEW_PRIVATE_HOSTS), never in production.
 */
let allowPrivate = false;

export function configureOutbound(opts: { allowPrivateHosts: boolean }) {
  allowPrivate = opts.allowPrivateHosts;
}

/** True when every address the name resolves to is public (a name that does not resolve is not). */
export async function isPublicHost(hostname: string): Promise<boolean> {
  if (allowPrivate) return true;
  const host = hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  return addresses.length > 0 && addresses.every((a) => !isPrivate(a));
}

function isPrivate(ip: string): boolean {
  if (ip.includes(':')) {
    const v = ip.toLowerCase();
    if (v.startsWith('::ffff:')) return isPrivate(v.slice(7));
    return v === '::1' || v === '::' || v.startsWith('fc') || v.startsWith('fd') || v.startsWith('fe80');
  }
  const [a = 0, b = 0] = ip.split('.').map(Number);
  return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
}

/** A response body as text, reading at most `maxBytes` (a page or feed may be endless). */
export async function readCapped(res: Response, maxBytes: number): Promise<{ text: string; truncated: boolean }> {
  const reader = res.body?.getReader();
  if (!reader) return { text: '', truncated: false };
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { text: Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8'), truncated: true };
    }
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated: false };
}
