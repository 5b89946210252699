import ogs from 'open-graph-scraper';
import { isPublicHost, readCapped } from './outbound';
import type { LinkPreview } from '../db/schema';

const MAX_BYTES = 1024 * 1024;
const MAX_REDIRECTS = 3;
const TIMEOUT_MS = 5000;

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
    const { text: html } = await readCapped(res, MAX_BYTES);
    const { result } = await ogs({ html });
    const title = result.ogTitle ?? result.twitterTitle ?? result.dcTitle;
    if (!title) return null;
    const image = result.ogImage?.[0]?.url ?? result.twitterImage?.[0]?.url;
    return {
      url: current.toString(),
      title: title.slice(0, 300),
      description: (result.ogDescription ?? result.twitterDescription ?? '').slice(0, 1000),
      ...(image && { imageUrl: new URL(image, current).toString() }),
      ...(result.ogSiteName && { siteName: result.ogSiteName.slice(0, 100) }),
    };
  }
  return null;
}
