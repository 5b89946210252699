import { extractFromXml } from '@extractus/feed-extractor';
import { FeedFetchError } from './feedError';

export interface FeedEntry {
  /** The item's guid (RSS) or id (Atom); its link, or a hash of link and date, when it has none. */
  guid: string;
  title: string;
  link: string;
  published: Date | null;
}

export interface ParsedFeed {
  title: string;
  /** Newest first. */
  entries: FeedEntry[];
}

/** An RSS 2.0, RSS 1.0 (RDF) or Atom document; anything else is refused with what it looks like. */
export function parseFeed(xml: string, url: string): ParsedFeed {
  let data;
  try {
    data = extractFromXml(xml, { descriptionMaxLen: 0, baseUrl: url });
  } catch (err) {
    const alternate = feedLinkOf(xml, url);
    if (alternate) throw new FeedFetchError(`This is a web page, not a feed. The page names its feed at ${alternate}: add that address.`);
    if (/<html[\s>]/i.test(xml)) throw new FeedFetchError('This is a web page, not an RSS or Atom feed.');
    throw new FeedFetchError(`This address does not serve an RSS or Atom feed (${(err as Error).message}).`);
  }
  const entries: FeedEntry[] = [];
  for (const e of data.entries ?? []) {
    const link = typeof e.link === 'string' ? e.link : '';
    const guid = (typeof e.id === 'string' && e.id.trim()) || link;
    if (!guid) continue;
    const at = e.published ? new Date(e.published) : null;
    entries.push({ guid: guid.slice(0, 2000), title: (e.title ?? '').trim(), link, published: at && !Number.isNaN(at.getTime()) ? at : null });
  }
  // Feeds list newest first by custom; dates, where every item has one, settle it.
  if (entries.every((e) => e.published)) entries.sort((a, b) => b.published!.getTime() - a.published!.getTime());
  return { title: (data.title ?? '').trim(), entries };
}

/** A page's `<link rel="alternate" type="application/rss+xml|atom+xml" href>` (feed autodiscovery). */
function feedLinkOf(html: string, base: string): string | null {
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (!/type\s*=\s*["']application\/(rss|atom)\+xml["']/i.test(tag)) continue;
    const href = /href\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (href) {
      try {
        return new URL(href, base).toString();
      } catch {
        return null;
      }
    }
  }
  return null;
}
