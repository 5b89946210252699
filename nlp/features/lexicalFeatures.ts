// Words, word pairs, character n-grams inside words, emoji and emphasis flags: the features of the
// sentiment and toxicity models. A word in a negation's scope counts against itself (value −1)
// and also as a separate "negated word" feature, so a model trained on "mi piace" → positive
// already leans the other way on "non mi piace" and can learn the exceptions.
import type { FeatureBuffer } from './featureBuffer';
import { combine, finish, fnvStart, fnvStep, hashString } from './hash';
import { stemmerFor } from './stems';
import { CONTRASTS, NEGATION_REACH, NEGATORS } from './negation';
import { TokenKind, type TextView } from './textView';

export interface LexicalOptions {
  /** shortest and longest character n-gram inside a word (0 = none) */
  charMin: number;
  charMax: number;
  /** weight of the character n-gram family relative to the word family */
  charWeight: number;
  bigrams: boolean;
  negation: boolean;
  /** a language's own copy of every feature next to the shared one (Daumé's feature augmentation) */
  lang?: string;
  /** word and emoji valence lists: their sums become features */
  valence?: { words: ReadonlyMap<string, number>; stems: ReadonlyMap<string, number>; emoji: ReadonlyMap<string, number> };
  /** the word's Snowball stem as one more feature (needs `lang`) */
  stems?: boolean;
}

const SEED = { word: 0x1001, negated: 0x1002, bigram: 0x1003, char: 0x1004, flag: 0x1005, lang: 0x1006, valence: 0x1007, stem: 0x1008 };
const VALENCE = { positive: hashString('positive', SEED.valence), negative: hashString('negative', SEED.valence) };
const START = 0x02;
const END = 0x03;

/** The hash of the feature every text of a language has: its weights are that language's prior. */
export function languageFeature(lang: string): number {
  return hashString(lang, SEED.lang);
}

/** The hash of a word's own feature, to read a model's weight for it (reason tokens). */
export function wordFeature(word: string): number {
  return hashString(word, SEED.word);
}

export function lexicalFeatures(view: TextView, into: FeatureBuffer, options: LexicalOptions): FeatureBuffer {
  const first = into.length;
  const langTag = options.lang ? languageFeature(options.lang) : 0;
  const add = (h: number, v: number) => {
    into.add(h, v);
    if (langTag) into.add(combine(h, langTag), v);
  };
  const { tokens, kinds } = view;
  const stemmer = options.stems && options.lang ? stemmerFor(options.lang) : null;
  let scope = 0;
  let previous = '';
  let words = 0;
  let positive = 0;
  let negative = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const kind = kinds[i]!;
    if (kind === TokenKind.Boundary) {
      scope = 0;
      previous = '';
      continue;
    }
    words++;
    const negated = options.negation && scope > 0 && kind === TokenKind.Word;
    const h = hashString(token, SEED.word);
    const stem = kind === TokenKind.Word && (stemmer || options.valence) && options.lang ? stemmerFor(options.lang)?.stem(token) : undefined;
    if (negated) {
      add(h, -1);
      add(hashString(token, SEED.negated), 1);
    } else {
      add(h, 1);
    }
    if (stemmer && stem !== undefined && stem !== token) add(hashString(stem, SEED.stem), negated ? -1 : 1);
    if (options.valence) {
      const v =
        kind === TokenKind.Emoji
          ? options.valence.emoji.get(token.replace(/\uFE0F/g, ''))
          : (options.valence.words.get(token) ?? (stem === undefined ? undefined : options.valence.stems.get(stem)));
      // A negated valence weakens and turns ("not good" is mildly negative, not "bad").
      const value = v === undefined ? 0 : negated ? -0.5 * v : v;
      if (value > 0) positive += value;
      else negative -= value;
    }
    if (options.bigrams && previous) add(hashString(`${previous} ${token}`, SEED.bigram), 1);
    previous = token;
    if (kind !== TokenKind.Word) scope = 0;
    else if (NEGATORS.has(token)) scope = NEGATION_REACH;
    else if (CONTRASTS.has(token)) scope = 0;
    else if (scope > 0) scope--;
  }
  if (words > 0) into.scale(first, 1 / Math.sqrt(words));
  if (positive > 0) add(VALENCE.positive, positive / 5);
  if (negative > 0) add(VALENCE.negative, negative / 5);
  if (options.charMin > 0) charGrams(view, options, add, into);
  flags(view, add);
  if (langTag) into.add(langTag, 1);
  return into;
}

function charGrams(view: TextView, options: LexicalOptions, add: (h: number, v: number) => void, into: FeatureBuffer): void {
  const first = into.length;
  for (let i = 0; i < view.tokens.length; i++) {
    if (view.kinds[i] !== TokenKind.Word) continue;
    const word = view.tokens[i]!;
    const n = word.length + 2;
    for (let start = 0; start < n; start++) {
      let h = fnvStart(SEED.char);
      for (let len = 1; len <= options.charMax && start + len <= n; len++) {
        const at = start + len - 1;
        h = fnvStep(h, at === 0 ? START : at === n - 1 ? END : word.charCodeAt(at - 1));
        if (len >= options.charMin) add(finish(h), 1);
      }
    }
  }
  const count = (into.length - first) / (options.lang ? 2 : 1);
  if (count > 0) into.scale(first, options.charWeight / Math.sqrt(count));
}

function flags(view: TextView, add: (h: number, v: number) => void): void {
  if (view.elongated) add(hashString('elongated', SEED.flag), 1);
  if (view.shouting) add(hashString('shouting', SEED.flag), 1);
  if (view.tokens.length === 0) add(hashString('empty', SEED.flag), 1);
  add(hashString('bias', SEED.flag), 1);
}
