// Character n-grams inside each word, with the word's edges marked ("<ma", "are>"): the features
// that survive spelling variants, inflection and unseen words. Every task reads the same grams,
// hashed once per word form.
import { finish, fnvStart, fnvStep } from './hash';

const SEED = 0x1004;
const START = 0x02;
const END = 0x03;
const GRAM_MIN = 3;
const GRAM_MAX = 5;
// Each word's grams, computed once: social text repeats its words, so most of a text's grams come
// from here. A full cache starts over, which bounds memory without LRU bookkeeping.
const CACHE_LIMIT = 100_000;
const cache = new Map<string, Uint32Array>();

/** The character 3–5-grams of a word, with its edges marked. */
export function gramsOf(word: string): Uint32Array {
  let grams = cache.get(word);
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
  grams = scratch.slice(0, count);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, grams);
  return grams;
}

let scratch = new Uint32Array(256);
