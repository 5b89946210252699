// Toxicity: offensive language and hate speech. English is scored by two models trained on
// TweetEval (OffensEval, HatEval); every language also goes through the curated abuse lexicon
// (English, Italian, Spanish), whose categories are features of those models and, outside
// English, also a floor under the score. The score is rescaled so that 0.5 is the decision line
// chosen on validation data: score ≥ 0.5 ⇔ label is not "ok".
import { FeatureBuffer } from './features/featureBuffer';
import { wordFeature } from './features/lexicalFeatures';
import { toxicityFeatures, wordsOf } from './features/taskFeatures';
import { textView, type TextView } from './features/textView';
import { findAbuse, type LexiconHit } from './lexicons/abuseLexicon';
import { bundledModel } from './model/bundledModels';
import { stackBinary, stackedProbabilities, type BinaryStack } from './model/binaryStack';
import type { LinearModel } from './model/linearModel';

export type ToxicityLabel = 'ok' | 'offensive' | 'hate';
export interface ToxicityResult {
  score: number;
  label: ToxicityLabel;
  /** each part on the same 0–1 scale (0.5 = its decision line): offensive language, hate speech */
  parts: { offensive: number; hate: number };
  /** the words that made the decision, when there are any */
  reasons?: string[];
}

const buffer = new FeatureBuffer();
const round = (x: number) => Math.round(x * 1000) / 1000;

/** Lexicon floors outside English, where the models know only the categories. */
/** The score of a text the lexicon calls hate: above the line, below a model's certainty. */
const HATE_FLOOR = 0.75;
const FLOOR: Record<LexiconHit['category'], number> = { slur: 0.85, threat: 0.8, insult: 0.7, profanity: 0.6, dehumanizing: 0.45, hostility: 0, identity: 0 };

export function analyzeToxicity(text: string | TextView, lang: string): ToxicityResult {
  const view = typeof text === 'string' ? textView(text) : text;
  if (view.tokens.length === 0) return { score: 0, label: 'ok', parts: { offensive: 0, hate: 0 } };
  const words = wordsOf(view);
  const hits = findAbuse(words, lang === 'unknown' ? undefined : lang);
  toxicityFeatures(view, lang, buffer.clear(), hits);
  const p = stackedProbabilities(models(), buffer, probability);
  const offensive = decision(p[0]!, bundledModel('offensive'));
  const hate = decision(p[1]!, bundledModel('hate'));
  let score = Math.max(offensive.score, hate.score);
  let label: ToxicityLabel = hate.score >= 0.5 ? 'hate' : offensive.score >= 0.5 ? 'offensive' : 'ok';
  // Outside English the models know only the lexicon's categories: its hits set a floor.
  if (lang !== 'en') score = Math.max(score, ...hits.map((h) => FLOOR[h.category]));
  // In every language, a slur or a group named beside a threat or hatred is hate, whatever the
  // models say (they learned from one data set's notion of hate).
  if (lexiconHate(hits, lang)) {
    label = 'hate';
    score = Math.max(score, HATE_FLOOR);
  } else if (label === 'ok' && score >= 0.5) {
    label = 'offensive';
  }
  const reasons = label === 'ok' ? [] : reasonWords(words, hits, label === 'hate' ? bundledModel('hate') : bundledModel('offensive'));
  return { score: round(score), label, parts: { offensive: round(offensive.score), hate: round(hate.score) }, ...(reasons.length ? { reasons } : {}) };
}

/**
 * A slur, or an identity group named beside a threat, dehumanisation or words of hatred — or,
 * outside English, an insult (in English the trained models judge insults better: the rule cost
 * 0.7 points of HatEval val macro-F1 there).
 */
function lexiconHate(hits: LexiconHit[], lang: string): boolean {
  if (hits.some((h) => h.category === 'slur')) return true;
  const against = lang === 'en' ? ['threat', 'dehumanizing', 'hostility'] : ['threat', 'dehumanizing', 'hostility', 'insult'];
  return hits.some((h) => h.category === 'identity') && hits.some((h) => against.includes(h.category));
}

let stack: BinaryStack | undefined;
const probability = new Float64Array(2);

/** Offensive and hate share their features, so they are read in one pass. */
function models(): BinaryStack {
  stack ??= stackBinary([bundledModel('offensive'), bundledModel('hate')]);
  return stack;
}

/** Rescales p so that the model's decision threshold sits at 0.5. */
function decision(p: number, model: LinearModel): { score: number } {
  const t = Number(model.meta.threshold ?? 0.5);
  return { score: p < t ? (0.5 * p) / t : 0.5 + (0.5 * (p - t)) / (1 - t) };
}

/** Lexicon matches first, then the words the model weighs most towards the label. */
function reasonWords(words: string[], hits: LexiconHit[], model: LinearModel): string[] {
  const reasons = new Set(hits.filter((h) => h.category !== 'identity' && h.category !== 'hostility').map((h) => h.text));
  const mask = (1 << model.bits) - 1;
  const weighed = [...new Set(words)]
    .map((w) => {
      const row = (wordFeature(w) & mask) * 2;
      return { w, lean: model.weights[row + 1]! - model.weights[row]! };
    })
    .filter((x) => x.lean > 1)
    .sort((a, b) => b.lean - a.lean);
  for (const { w } of weighed.slice(0, 3)) reasons.add(w);
  return [...reasons].slice(0, 5);
}
