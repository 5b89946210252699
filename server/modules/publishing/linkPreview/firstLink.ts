import { extractEntities } from '../../../../shared/text';

// twitter-text finds bare domains (caffeaurora.it) but skips hosts without a known TLD, which a
// scheme makes unambiguous (http://intranet:8080/…); Bluesky links both.
const WITH_SCHEME = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/i;

/** The first link in a text, with a scheme (networks show a card for the first link only). */
export function firstLinkOf(text: string | undefined): string | null {
  if (!text) return null;
  const entity = extractEntities(text).urls[0];
  const schemed = WITH_SCHEME.exec(text);
  if (schemed && (!entity || schemed.index <= entity.start)) return schemed[0];
  if (!entity) return null;
  return /^https?:\/\//i.test(entity.url) ? entity.url : `https://${entity.url}`;
}
