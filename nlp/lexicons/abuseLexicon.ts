// Finds abuse terms in a text's words: whole words, word prefixes ("stronz*") and phrases
// ("ti ammazzo"), compared without accents and with common character swaps undone ("1d10t",
// "stup1d"), so light disguises still match. Lists come from abuseTerms.ts and LDNOOBW.
import { createRequire } from 'node:module';
import { BoundedCache } from '../features/boundedCache';
import { NEGATORS } from '../features/negation';
import { ABUSE_TERMS, IDENTITY_TERMS, NOT_PROFANITY, type AbuseCategory } from './abuseTerms';

export type LexiconCategory = AbuseCategory | 'identity';
export interface LexiconHit {
  /** the matched words as written (lowercased) */
  text: string;
  category: LexiconCategory;
}

type Lang = keyof typeof ABUSE_TERMS;
export const ABUSE_LANGS = Object.keys(ABUSE_TERMS) as Lang[];
const MIN_PREFIX = 3;

interface Matcher {
  words: Map<string, LexiconCategory>;
  prefixes: Map<string, LexiconCategory>;
  /** LDNOOBW words: checked after the curated words and prefixes, which are more specific */
  profanity: Map<string, LexiconCategory>;
  /** word as written → its category (null: none), so a recurring word is looked up once */
  seen: BoundedCache<string, LexiconCategory | null>;
  /** first word → phrases starting with it */
  phrases: Map<string, { words: string[]; category: LexiconCategory }[]>;
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

/** Lowercase, no accents, digits-for-letters undone when mixed into a word. */
export function fold(word: string): string {
  let w = word.toLowerCase();
  if (/[^ -~]/.test(w)) w = w.normalize('NFD').replace(/\p{M}/gu, '');
  if (/\p{L}/u.test(w) && /[0-9@$]/.test(w)) w = w.replace(/[0134 57@$]/g, (c) => LEET[c] ?? c);
  return w;
}

const require = createRequire(import.meta.url);
const matchers = new Map<string, Matcher>();

function build(langs: readonly Lang[]): Matcher {
  const m: Matcher = { words: new Map(), prefixes: new Map(), profanity: new Map(), seen: new BoundedCache(100_000), phrases: new Map() };
  const add = (term: string, category: LexiconCategory) => {
    const words = term.split(/\s+/).map(fold);
    if (words.length > 1) {
      const list = m.phrases.get(words[0]!) ?? [];
      list.push({ words, category });
      m.phrases.set(words[0]!, list);
    } else if (words[0]!.endsWith('*')) {
      const prefix = words[0]!.slice(0, -1).replace(/\*/g, '');
      if (prefix.length >= MIN_PREFIX && !m.prefixes.has(prefix)) m.prefixes.set(prefix, category);
    } else {
      const map = category === 'profanity' ? m.profanity : m.words;
      if (!map.has(words[0]!)) map.set(words[0]!, category);
    }
  };
  // Curated categories first: they are more specific than "profanity" and win ties.
  for (const lang of langs) for (const [category, terms] of Object.entries(ABUSE_TERMS[lang])) for (const t of terms) add(t, category as AbuseCategory);
  for (const lang of langs) for (const t of IDENTITY_TERMS[lang]) add(t, 'identity');
  for (const lang of langs) {
    const ldnoobw = require(`naughty-words/${lang}.json`) as string[];
    for (const t of ldnoobw) if (!NOT_PROFANITY.has(t.toLowerCase())) add(t, 'profanity');
  }
  return m;
}

/** One language's lists, or all three merged ("any") for a text in another or an unknown language. */
function matcherFor(key: Lang | 'any'): Matcher {
  let m = matchers.get(key);
  if (!m) {
    m = build(key === 'any' ? ABUSE_LANGS : [key]);
    matchers.set(key, m);
  }
  return m;
}

/** How many words before a term a negator cancels it: "non odio le donne", "women are not disgusting". */
const NEGATION_REACH = 3;

/**
 * Abuse and identity terms among `words` (lowercased word tokens), leaving out terms a negator
 * just before cancels. With a language we serve, that
 * language's lists; otherwise all of them, since a detector's "unknown" is no reason to miss a slur.
 */
export function findAbuse(words: readonly string[], lang?: string): LexiconHit[] {
  const m = matcherFor(lang && (ABUSE_LANGS as string[]).includes(lang) ? (lang as Lang) : 'any');
  const folded = words.map(foldCached);
  const hits: LexiconHit[] = [];
  const hit = (text: string, category: LexiconCategory) => {
    if (!hits.some((h) => h.text === text)) hits.push({ text, category });
  };
  for (let i = 0; i < folded.length; i++) {
    const w = folded[i]!;
    const phrases = m.phrases.get(w);
    if (phrases) {
      for (const p of phrases) if (p.words.every((pw, j) => folded[i + j] === pw)) hit(words.slice(i, i + p.words.length).join(' '), p.category);
    }
    let category = m.seen.get(w);
    if (category === undefined) {
      category = m.seen.set(w, m.words.get(w) ?? prefixCategory(m, w) ?? m.profanity.get(w) ?? null);
    }
    if (category && (category === 'identity' || !negatedAt(folded, i))) hit(words[i]!, category);
  }
  return hits;
}

function negatedAt(folded: readonly string[], i: number): boolean {
  for (let j = Math.max(0, i - NEGATION_REACH); j < i; j++) if (NEGATORS.has(folded[j]!)) return true;
  return false;
}

const foldedWords = new BoundedCache<string, string>(100_000);
const foldCached = (word: string): string => foldedWords.get(word) ?? foldedWords.set(word, fold(word));

function prefixCategory(m: Matcher, word: string): LexiconCategory | undefined {
  for (let len = Math.min(word.length, 12); len >= MIN_PREFIX; len--) {
    const c = m.prefixes.get(word.slice(0, len));
    if (c) return c;
  }
  return undefined;
}
