// Which language a short social text is in: en, it, es, fr, de, pt (and ar), or "unknown"
// when the text has too few letters or the model is not sure enough.
import { FeatureBuffer } from './features/featureBuffer';
import { languageFeatures } from './features/taskFeatures';
import { textView, type TextView } from './features/textView';
import { bundledModel } from './model/bundledModels';
import { argmax, probabilities } from './model/linearModel';

export type Language = 'en' | 'it' | 'es' | 'fr' | 'de' | 'pt' | 'ar' | 'unknown';
export interface LanguageGuess {
  lang: Language;
  /** the model's probability for that language (0 when unknown for lack of letters) */
  confidence: number;
}

/** Fewer letters than this ("ok", "lol", an emoji) say nothing about a language. */
const MIN_LETTERS = 4;
const buffer = new FeatureBuffer();

export function detectLanguage(text: string | TextView): LanguageGuess {
  const view = typeof text === 'string' ? textView(text) : text;
  const letters = languageFeatures(view, buffer.clear());
  if (letters < MIN_LETTERS) return { lang: 'unknown', confidence: 0 };
  const model = bundledModel('language');
  const p = probabilities(model, buffer, new Float64Array(model.labels.length));
  const best = argmax(p, model.labels.length);
  const floor = Number(model.meta.unknownFloor ?? 0.5);
  if (p[best]! < floor) return { lang: 'unknown', confidence: p[best]! };
  return { lang: model.labels[best] as Language, confidence: p[best]! };
}
