/**
 * Extended grapheme clusters, the unit Bluesky's lexicon validator and Mastodon count in. One
 * segmenter is reused: constructing it costs far more than segmenting a post, and the composer
 * counts on every keystroke.
 */
let segmenter: Intl.Segmenter | undefined;

export function countGraphemes(text: string): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}
