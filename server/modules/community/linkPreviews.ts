import type { CommunityLinkPreview } from '../../db/schema';

/** A post gets cards for at most this many links. */
export const MAX_PREVIEWS = 3;
const BARE_LINK = /^\s*<?(https?:\/\/[^\s<>"']+?)>?\s*$/i;
const FENCE = /^\s*(`{3,}|~{3,})/;

/**
 * The links that stand alone on their own line (as on Discourse, where such a line becomes a card),
 * outside code blocks, in order, without repeats, at most three. A link inside a sentence gets no card.
 */
export function standaloneLinks(source: string): string[] {
  const found: string[] = [];
  let fence: string | null = null;
  for (const line of source.split(/\r?\n/)) {
    const f = FENCE.exec(line);
    if (f) {
      if (!fence) fence = f[1]![0]!;
      else if (f[1]![0] === fence) fence = null;
      continue;
    }
    if (fence || /^( {4}|\t)/.test(line)) continue;
    const m = BARE_LINK.exec(line);
    if (!m) continue;
    let url: string;
    try {
      url = new URL(m[1]!).toString();
    } catch {
      continue;
    }
    if (!found.includes(url)) found.push(url);
    if (found.length === MAX_PREVIEWS) break;
  }
  return found;
}

/** The cards kept when a post is edited: those whose link is still there (the job fetches the new ones). */
export function keepPreviews(previews: CommunityLinkPreview[], source: string): CommunityLinkPreview[] {
  const links = standaloneLinks(source);
  return previews.filter((p) => links.includes(p.url));
}

const httpOnly = (u: string | undefined) => {
  if (!u) return null;
  try {
    const url = new URL(u);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
};

/** A fetched card as we store it: keyed by the link as written, images only over http(s). */
export function toStoredPreview(link: string, card: { url: string; title: string; description: string; imageUrl?: string; siteName?: string }): CommunityLinkPreview {
  return { url: link, title: card.title.slice(0, 300), description: card.description.slice(0, 1000), imageUrl: httpOnly(card.imageUrl), siteName: card.siteName?.slice(0, 100) ?? null };
}
