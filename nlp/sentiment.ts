// Negative / neutral / positive with calibrated probabilities (temperature scaling on val).
import { FeatureBuffer } from './features/featureBuffer';
import { sentimentFeatures } from './features/taskFeatures';
import { textView, type TextView } from './features/textView';
import { bundledModel } from './model/bundledModels';
import { argmax, probabilities } from './model/linearModel';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';
export interface SentimentResult {
  label: SentimentLabel;
  scores: Record<SentimentLabel, number>;
}

const buffer = new FeatureBuffer();
const round = (x: number) => Math.round(x * 1000) / 1000;

/** `lang` selects the language's own weights and word list; any other value uses the shared ones. */
export function analyzeSentiment(text: string | TextView, lang: string): SentimentResult {
  const view = typeof text === 'string' ? textView(text) : text;
  if (view.tokens.length === 0) return { label: 'neutral', scores: { negative: 0, neutral: 1, positive: 0 } };
  const model = bundledModel('sentiment');
  const p = probabilities(model, sentimentFeatures(view, lang, buffer.clear()), new Float64Array(3));
  return {
    label: model.labels[argmax(p, 3)] as SentimentLabel,
    scores: { negative: round(p[0]!), neutral: round(p[1]!), positive: round(p[2]!) },
  };
}
