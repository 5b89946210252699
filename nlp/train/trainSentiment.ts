// Sentiment: one model for the eight XLM-T languages, trained on all their train splits with a
// shared and a per-language copy of each feature, so Italian learns from Spanish and Portuguese
// where words and emoji agree. Early stopping and calibration use en, it and es val.
import { loadXlmt, SENTIMENT_LABELS, XLMT_LANGS, type XlmtLang } from '../datasets';
import { sentimentFeatures } from '../features/taskFeatures';
import { textView } from '../features/textView';
import { classificationReport, macroF1 } from '../metrics';
import { argmax, logits, type LinearModel } from '../model/linearModel';
import { FeatureBuffer } from '../features/featureBuffer';
import { languageFeature } from '../features/lexicalFeatures';
import { toExamples } from './examples';
import { averageModels } from './averageModels';
import { fitTemperature, predictAll, toBuffer, trainSoftmax, type Example } from './trainSoftmax';

export const SENTIMENT_MAIN_LANGS: readonly XlmtLang[] = ['en', 'it', 'es'];
const SEEDS = [1, 2, 3, 4, 5];

export function trainSentiment(): { model: LinearModel; scores: Record<string, { macroF1: number; accuracy: number }> } {
  const examples = (lang: XlmtLang, split: 'train' | 'val') => {
    const data = loadXlmt(lang, split);
    return toExamples(data.texts, data.labels, (t, b) => sentimentFeatures(textView(t), lang, b));
  };
  const train = XLMT_LANGS.flatMap((l) => examples(l, 'train'));
  const val = new Map(XLMT_LANGS.map((l) => [l, examples(l, 'val')] as const));
  const mainVal: Example[] = SENTIMENT_MAIN_LANGS.flatMap((l) => val.get(l)!);
  const meanMacroF1 = (model: LinearModel) =>
    SENTIMENT_MAIN_LANGS.reduce((sum, l) => sum + report(model, val.get(l)!).macroF1, 0) / SENTIMENT_MAIN_LANGS.length;
  // Five seeds, each stopped at its own best epoch, averaged into one model: the average of linear
  // models is a linear model, so the variance goes down at no cost at run time.
  const runs = SEEDS.map((seed) =>
    trainSoftmax(train, { task: 'sentiment', labels: SENTIMENT_LABELS, bits: 18, epochs: 8, learningRate: 0.02, l2: 3e-4, seed, score: meanMacroF1 }),
  );
  const model = averageModels(runs.map((r) => r.model));
  const priors = Object.fromEntries(XLMT_LANGS.map((l) => [l, tunePrior(model, l, val.get(l)!)]));
  model.temperature = fitTemperature(model, mainVal);
  const scores = Object.fromEntries(XLMT_LANGS.map((l) => [l, pick(report(model, val.get(l)!))]));
  model.meta = { trainedOn: 'XLM-T train, 8 languages', seeds: SEEDS, bestEpochs: runs.map((r) => r.bestEpoch), priors, val: scores };
  return { model, scores };
}

/**
 * Shifts a language's prior towards negative or positive (neutral stays put) by the amounts, on a
 * coarse grid, that give the best macro-F1 on that language's val split. Written into the weights
 * of the language's own bias feature, so the runtime needs nothing extra. Only a shift that gains
 * more than a point is kept: smaller gains on 324 texts are noise.
 */
function tunePrior(model: LinearModel, lang: string, examples: Example[]): number[] {
  const k = 3;
  const row = (languageFeature(lang) & ((1 << model.bits) - 1)) * k;
  const buffer = new FeatureBuffer();
  const raw = examples.map((e) => Float64Array.from(logits(model, toBuffer(e, buffer), new Float64Array(k))));
  const gold = examples.map((e) => e.label);
  const f1 = (neg: number, pos: number) => macroF1(gold, raw.map((l) => argmax(Float64Array.of(l[0]! + neg, l[1]!, l[2]! + pos), k)), [0, 1, 2]);
  const base = f1(0, 0);
  let best = { neg: 0, pos: 0, f: base };
  for (let neg = -0.6; neg <= 0.601; neg += 0.1) {
    for (let pos = -0.6; pos <= 0.601; pos += 0.1) {
      const f = f1(neg, pos);
      if (f > best.f) best = { neg, pos, f };
    }
  }
  if (best.f - base < 0.01) return [0, 0, 0];
  model.weights[row]! += best.neg;
  model.weights[row + 2]! += best.pos;
  return [best.neg, 0, best.pos].map((x) => Math.round(x * 10) / 10);
}

function report(model: LinearModel, examples: Example[]) {
  return classificationReport(
    examples.map((e) => e.label),
    predictAll(model, examples),
    [0, 1, 2],
  );
}

const pick = (r: { macroF1: number; accuracy: number }) => ({ macroF1: r.macroF1, accuracy: r.accuracy });
