// The feature recipe of each task, shared by the trainer and the runtime so a model always sees
// the features it was trained on. Changing a recipe means retraining (npm run nlp:train); the
// recipe's version is written into each model file and checked at load.
import { findAbuse, type LexiconHit } from '../lexicons/abuseLexicon';
import { emojiValence, stemValence, wordValence } from '../lexicons/valence';
import type { FeatureBuffer } from './featureBuffer';
import { languageFeatures } from './languageFeatures';
import { lexicalFeatures, type LexicalOptions } from './lexicalFeatures';
import { hashString } from './hash';
import { TokenKind, type TextView } from './textView';

export const FEATURES_VERSION = 1;

const SENTIMENT: Omit<LexicalOptions, 'lang' | 'valence'> = { charWeight: 0.5, langChars: true, bigrams: false, negation: true, stems: true };
// No negation features for toxicity: they gained half a point on val but taught the English models
// that "no"/"non" lean offensive, so "Non odio le donne" came out offensive. The lexicon handles
// negation itself (abuseLexicon.ts).
const TOXICITY: Omit<LexicalOptions, 'lang' | 'valence'> = { charWeight: 0.5, langChars: false, bigrams: true, negation: false };

const sentimentOptions = new Map<string, LexicalOptions>();

export function sentimentFeatures(view: TextView, lang: string, into: FeatureBuffer): FeatureBuffer {
  let options = sentimentOptions.get(lang);
  if (!options) {
    options = { ...SENTIMENT, lang, valence: { words: wordValence(lang), stems: stemValence(lang), emoji: emojiValence() } };
    sentimentOptions.set(lang, options);
  }
  return lexicalFeatures(view, into, options);
}

/** The words of a text, for the abuse lexicon. */
export function wordsOf(view: TextView): string[] {
  return view.tokens.filter((_, i) => view.kinds[i] === TokenKind.Word);
}

/**
 * Toxicity features: the text's own words and n-grams, plus which abuse categories the lexicon
 * found (and whether an identity group is named beside them). The categories are the same
 * features in every language, so what the English data teaches about "an insult is present"
 * carries over to Italian and Spanish insults.
 */
export function toxicityFeatures(view: TextView, lang: string | undefined, into: FeatureBuffer, hits: LexiconHit[] = findAbuse(wordsOf(view), lang)): FeatureBuffer {
  lexicalFeatures(view, into, TOXICITY);
  const identity = hits.some((h) => h.category === 'identity');
  for (const h of hits) {
    if (h.category === 'identity') continue;
    into.add(hashString(h.category, 0x3001), 1);
    if (identity) into.add(hashString(h.category, 0x3002), 1);
  }
  if (identity) into.add(hashString('identity', 0x3001), 1);
  return into;
}

export { languageFeatures };
