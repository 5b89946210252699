import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ogs from 'open-graph-scraper';
import type { LinkPreview } from '../../../db/schema';

const MAX_BYTES = 1024 * 1024;
const MAX_REDIRECTS = 3;
const TIMEOUT_MS = 5000;

let allowPrivate = false;
/** Tests fetch previews from a loopback server; production never reaches private addresses. */
export function configureLinkPreviews(opts: { allowPrivateHosts: boolean }) {
  allowPrivate = opts.allowPrivateHosts;
}

/**
 * The Open Graph card of a page, or null when there is none or it cannot be fetched. The user picks
 * the URL, so every hop of a redirect is checked against private and loopback addresses (SSRF).
 */
export async function fetchLinkPreview(url: string): Promise<LinkPreview | null> {
  let current = new URL(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (!['http:', 'https:'].includes(current.protocol) || !(await isPublicHost(current.hostname))) return null;
    const res = await fetch(current, { redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'text/html', 'user-agent': 'TandemBot/1.0 (link preview)' } });
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      current = new URL(location, current);
      continue;
    }
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('html')) return null;
    const html = await readCapped(res);
    const { result } = await ogs({ html });
    const title = result.ogTitle ?? result.twitterTitle ?? result.dcTitle;
    if (!title) return null;
    const image = result.ogImage?.[0]?.url ?? result.twitterImage?.[0]?.url;
    return {
      url: current.toString(),
      title: title.slice(0, 300),
      description: (result.ogDescription ?? result.twitterDescription ?? '').slice(0, 1000),
      ...(image && { imageUrl: new URL(image, current).toString() }),
    };
  }
  return null;
}

async function readCapped(res: Response): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= MAX_BYTES) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Also used for the card's image, which the publisher downloads. */
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
