// Character 1–4-grams of the letters of each word (with word edges marked) and the words
// themselves: what tells Italian from Spanish in a tweet. Emoji, digits and punctuation carry no
// language and are left out.
import type { FeatureBuffer } from './featureBuffer';
import { finish, fnvStart, fnvStep, hashString } from './hash';
import { TokenKind, type TextView } from './textView';

const SEED = { word: 0x2001, char: 0x2002 };
const EDGE = 0x20;
const MAX_GRAM = 4;
const LETTERS = /^\p{L}[\p{L}\p{M}']*$/u;

/** Number of letters seen: below a few, no detector can tell a language. */
export function languageFeatures(view: TextView, into: FeatureBuffer): number {
  let letters = 0;
  const first = into.length;
  for (let i = 0; i < view.tokens.length; i++) {
    if (view.kinds[i] !== TokenKind.Word) continue;
    const word = view.tokens[i]!;
    if (!LETTERS.test(word)) continue;
    letters += word.length;
    into.add(hashString(word, SEED.word), 1);
    const n = word.length + 2;
    for (let start = 0; start < n; start++) {
      let h = fnvStart(SEED.char);
      for (let len = 1; len <= MAX_GRAM && start + len <= n; len++) {
        const at = start + len - 1;
        h = fnvStep(h, at === 0 || at === n - 1 ? EDGE : word.charCodeAt(at - 1));
        into.add(finish(h), 1);
      }
    }
  }
  const count = into.length - first;
  if (count > 0) into.scale(first, 1 / Math.sqrt(count));
  return letters;
}
