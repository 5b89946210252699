// Character n-grams inside each word, with the word's edges marked ("<ma", "are>"): the features
// that survive spelling variants, inflection and unseen words. Every task reads the same grams,
// hashed once per word form.
import { BoundedCache } from './boundedCache';
import { finish, fnvStart, fnvStep } from './hash';

const SEED = 0x1004;
const START = 0x02;
const END = 0x03;
const GRAM_MIN = 3;
const GRAM_MAX = 5;
// Each word's grams, computed once: social text repeats its words, so most of a text's grams come from here.
const cache = new BoundedCache<string, Uint32Array>(100_000);

/** The character 3–5-grams of a word, with its edges marked. */
export function gramsOf(word: string): Uint32Array {
  const grams = cache.get(word);
  if (grams) return grams;
  const n = word.length + 2;
  if (scratch.length < n * GRAM_MAX) scratch = new Uint32Array(n * GRAM_MAX * 2);
  let count = 0;
  for (let start = 0; start < n; start++) {
    let h = fnvStart(SEED);
    for (let len = 1; len <= GRAM_MAX && start + len <= n; len++) {
      const at = start + len - 1;
      h = fnvStep(h, at === 0 ? START : at === n - 1 ? END : word.charCodeAt(at - 1));
      if (len >= GRAM_MIN) scratch[count++] = finish(h);
    }
  }
  return cache.set(word, scratch.slice(0, count));
}

let scratch = new Uint32Array(256);
