import { isPublicHost, readCapped } from '../../../net/outbound';
import { FeedFetchError } from './feedError';
import { parseFeed, type ParsedFeed } from './parseFeed';

export { FeedFetchError };

const MAX_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 3;
const TIMEOUT_MS = 10_000;

/** What the server remembers to ask "only if changed" (RFC 9110 conditional requests). */
export interface FeedCache {
  etag?: string | null;
  lastModified?: string | null;
}

export type FetchOutcome = { kind: 'not_modified' } | { kind: 'feed'; feed: ParsedFeed; etag: string | null; lastModified: string | null };

/**
 * Reads a feed with If-None-Match / If-Modified-Since. The user picks the URL, so every hop of a
 * redirect is checked against private and loopback addresses, as link previews are.
 */
export async function fetchFeed(url: string, cache: FeedCache = {}): Promise<FetchOutcome> {
  let current = new URL(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (!['http:', 'https:'].includes(current.protocol)) throw new FeedFetchError('A feed address starts with https:// (or http://).');
    if (!(await isPublicHost(current.hostname))) throw new FeedFetchError(`${current.hostname} is a private or loopback address, or does not resolve; this server does not fetch feeds there.`);
    const headers: Record<string, string> = { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5', 'user-agent': 'TandemBot/1.0 (feed reader)' };
    if (cache.etag) headers['if-none-match'] = cache.etag;
    if (cache.lastModified) headers['if-modified-since'] = cache.lastModified;
    const res = await request(current, headers);
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && res.status !== 304 && location) {
      await res.body?.cancel();
      current = new URL(location, current);
      continue;
    }
    if (res.status === 304) return { kind: 'not_modified' };
    if (!res.ok) {
      await res.body?.cancel();
      throw new FeedFetchError(`The feed answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`);
    }
    const { text, truncated } = await readCapped(res, MAX_BYTES);
    if (truncated) throw new FeedFetchError(`The feed is larger than ${MAX_BYTES / 1024 / 1024} MB.`);
    return { kind: 'feed', feed: parseFeed(text, current.toString()), etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
  }
  throw new FeedFetchError(`The feed redirected more than ${MAX_REDIRECTS} times.`);
}

async function request(url: URL, headers: Record<string, string>): Promise<Response> {
  try {
    return await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS), headers });
  } catch (err) {
    if ((err as Error).name === 'TimeoutError') throw new FeedFetchError(`The feed did not answer within ${TIMEOUT_MS / 1000} seconds.`);
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new FeedFetchError(`The feed could not be reached (${cause?.code ?? cause?.message ?? (err as Error).message}).`);
  }
}
