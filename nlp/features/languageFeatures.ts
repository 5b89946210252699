// Language identification features: the words themselves and their character n-grams, what tells
// Italian from Spanish in a tweet. Emoji and punctuation carry no language and are left out.
import type { FeatureBuffer } from './featureBuffer';
import { hashString } from './hash';
import { TokenKind, type TextView } from './textView';
import { gramsOf } from './wordGrams';

const WORD_SEED = 0x2001;

/** Returns the number of letters seen: below a few, no detector can tell a language. */
export function languageFeatures(view: TextView, into: FeatureBuffer): number {
  let letters = 0;
  const first = into.length;
  for (let i = 0; i < view.tokens.length; i++) {
    if (view.kinds[i] !== TokenKind.Word) continue;
    const word = view.tokens[i]!;
    letters += word.length;
    into.add(hashString(word, WORD_SEED), 1);
    const grams = gramsOf(word);
    for (let g = 0; g < grams.length; g++) into.add(grams[g]!, 1);
  }
  const count = into.length - first;
  if (count > 0) into.scale(first, 1 / Math.sqrt(count));
  return letters;
}
