// Words, word pairs, character n-grams inside words, emoji and emphasis flags: the features of the
// sentiment and toxicity models. A word in a negation's scope counts against itself (value −1)
// and also as a separate "negated word" feature, so a model trained on "mi piace" → positive
// already leans the other way on "non mi piace" and can learn the exceptions.
import type { FeatureBuffer } from './featureBuffer';
import { combine, hashString } from './hash';
import { stemmerFor } from './stems';
import { BoundedCache } from './boundedCache';
import { gramsOf } from './wordGrams';
import { CONTRASTS, NEGATION_REACH, NEGATORS } from './negation';
import { TokenKind, type TextView } from './textView';

export interface LexicalOptions {
  /** weight of the character 2–5-gram family relative to the word family (0 = none) */
  charWeight: number;
  /** whether `lang` also gets its own copy of the character n-grams (doubles their cost) */
  langChars: boolean;
  bigrams: boolean;
  negation: boolean;
  /** a language's own copy of every feature next to the shared one (Daumé's feature augmentation) */
  lang?: string;
  /** word and emoji valence lists: their sums become features */
  valence?: { words: ReadonlyMap<string, number>; stems: ReadonlyMap<string, number>; emoji: ReadonlyMap<string, number> };
  /** the word's Snowball stem as one more feature (needs `lang`) */
  stems?: boolean;
}

const SEED = { word: 0x1001, negated: 0x1002, bigram: 0x1003, flag: 0x1005, lang: 0x1006, valence: 0x1007, stem: 0x1008 };
const VALENCE = { positive: hashString('positive', SEED.valence), negative: hashString('negative', SEED.valence) };

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
  const { tokens, kinds } = view;
  const lexicon = lexiconFor(options);
  let scope = 0;
  let previous = 0;
  let words = 0;
  let positive = 0;
  let negative = 0;
  for (let i = 0; i < tokens.length; i++) {
    const kind = kinds[i]!;
    if (kind === TokenKind.Boundary) {
      scope = 0;
      previous = 0;
      continue;
    }
    words++;
    const w = lexicon.get(tokens[i]!, kind);
    const negated = options.negation && scope > 0 && kind === TokenKind.Word;
    if (negated) {
      addTagged(into, w.hash, -1, langTag);
      addTagged(into, w.negatedHash, 1, langTag);
    } else {
      addTagged(into, w.hash, 1, langTag);
    }
    if (w.stemHash) addTagged(into, w.stemHash, negated ? -1 : 1, langTag);
    // A negated valence weakens and turns ("not good" is mildly negative, not "bad").
    const value = negated ? -0.5 * w.valence : w.valence;
    if (value > 0) positive += value;
    else negative -= value;
    if (options.bigrams && previous) addTagged(into, combine(previous, w.hash), 1, langTag);
    previous = w.hash ^ SEED.bigram;
    if (kind !== TokenKind.Word) scope = 0;
    else if (w.role === Role.Negator) scope = NEGATION_REACH;
    else if (w.role === Role.Contrast) scope = 0;
    else if (scope > 0) scope--;
  }
  if (words > 0) into.scale(first, 1 / Math.sqrt(words));
  if (positive > 0) addTagged(into, VALENCE.positive, positive / 5, langTag);
  if (negative > 0) addTagged(into, VALENCE.negative, negative / 5, langTag);
  if (options.charWeight > 0) charGrams(view, options, langTag, into);
  flags(view, into, langTag);
  if (langTag) into.add(langTag, 1);
  return into;
}

/** A feature, and its language's own copy when there is a language. */
function addTagged(into: FeatureBuffer, h: number, v: number, langTag: number): void {
  into.add(h, v);
  if (langTag) into.add(combine(h, langTag), v);
}

const enum Role {
  None = 0,
  Negator = 1,
  Contrast = 2,
}

/** Everything about a word that does not depend on its neighbours, computed once per word form. */
interface WordFacts {
  hash: number;
  negatedHash: number;
  /** 0 when there is no stem feature (no stemmer, or the stem is the word) */
  stemHash: number;
  /** 0 when the valence lists do not know the word */
  valence: number;
  role: Role;
}

// One word cache per options object: callers keep their options (see taskFeatures.ts).
const lexicons = new WeakMap<LexicalOptions, Lexicon>();

interface Lexicon {
  get(token: string, kind: TokenKind): WordFacts;
}

function lexiconFor(options: LexicalOptions): Lexicon {
  let lexicon = lexicons.get(options);
  if (!lexicon) {
    lexicon = buildLexicon(options);
    lexicons.set(options, lexicon);
  }
  return lexicon;
}

function buildLexicon(options: LexicalOptions): Lexicon {
  const facts = new BoundedCache<string, WordFacts>(100_000);
  const stemmer = options.lang && (options.stems || options.valence) ? stemmerFor(options.lang) : null;
  return {
    get(token: string, kind: TokenKind): WordFacts {
      const known = facts.get(token);
      if (known) return known;
      const stem = kind === TokenKind.Word ? stemmer?.stem(token) : undefined;
      let valence: number | undefined;
      if (options.valence) {
        valence =
          kind === TokenKind.Emoji
            ? options.valence.emoji.get(token.replace(/\uFE0F/g, ''))
            : (options.valence.words.get(token) ?? (stem === undefined ? undefined : options.valence.stems.get(stem)));
      }
      return facts.set(token, {
        hash: hashString(token, SEED.word),
        negatedHash: hashString(token, SEED.negated),
        stemHash: options.stems && stem !== undefined && stem !== token ? hashString(stem, SEED.stem) : 0,
        valence: valence ?? 0,
        role: kind !== TokenKind.Word ? Role.None : NEGATORS.has(token) ? Role.Negator : CONTRASTS.has(token) ? Role.Contrast : Role.None,
      });
    },
  };
}

function charGrams(view: TextView, options: LexicalOptions, langTag: number, into: FeatureBuffer): void {
  const first = into.length;
  const copy = langTag && options.langChars;
  let count = 0;
  for (let i = 0; i < view.tokens.length; i++) {
    if (view.kinds[i] !== TokenKind.Word) continue;
    const grams = gramsOf(view.tokens[i]!);
    for (let g = 0; g < grams.length; g++) into.add(grams[g]!, 1);
    if (copy) for (let g = 0; g < grams.length; g++) into.add(combine(grams[g]!, langTag), 1);
    count += grams.length;
  }
  if (count > 0) into.scale(first, options.charWeight / Math.sqrt(count));
}

function flags(view: TextView, into: FeatureBuffer, langTag: number): void {
  if (view.elongated) addTagged(into, hashString('elongated', SEED.flag), 1, langTag);
  if (view.shouting) addTagged(into, hashString('shouting', SEED.flag), 1, langTag);
  if (view.tokens.length === 0) addTagged(into, hashString('empty', SEED.flag), 1, langTag);
  addTagged(into, hashString('bias', SEED.flag), 1, langTag);
}
