// Language identification: the XLM-T train texts of eight languages, labelled by their folder.
// The "unknown" rule (too few letters, or the best language not sure enough) is part of the
// runtime; its probability floor is chosen here on val, as the lowest that keeps precision up.
import { loadXlmt, XLMT_LANGS } from '../datasets';
import { FeatureBuffer } from '../features/featureBuffer';
import { languageFeatures } from '../features/taskFeatures';
import { textView } from '../features/textView';
import { classificationReport } from '../metrics';
import type { LinearModel } from '../model/linearModel';
import { probabilities } from '../model/linearModel';
import { toExamples } from './examples';
import { seededRandom } from '../../shared/random';
import { fitTemperature, predictAll, toBuffer, trainSoftmax, type Example } from './trainSoftmax';

// Hindi is left out: XLM-T's Hindi tweets are mostly romanised and half English ("thank you so
// much" came out as Hindi), so the class did more harm than good. Arabic has its own script.
export const LANGUAGE_LABELS = XLMT_LANGS.filter((l) => l !== 'hi');
/** The six languages the issue measures; ar is a bonus. */
export const LANGUAGE_MAIN = ['en', 'it', 'es', 'fr', 'de', 'pt'] as const;

export function trainLanguage(): { model: LinearModel; scores: Record<string, number> } {
  const examples = (split: 'train' | 'val') =>
    LANGUAGE_LABELS.flatMap((lang, label) => {
      const data = loadXlmt(lang, split);
      return toExamples(data.texts, data.texts.map(() => label), (t, b) => languageFeatures(textView(t), b));
    });
  const train = [...examples('train'), ...snippetExamples('train', 1)];
  const val = examples('val');
  const shortVal = snippetExamples('val', 2).filter((e) => (LANGUAGE_MAIN as readonly string[]).includes(LANGUAGE_LABELS[e.label]!));
  const main = val.filter((e) => (LANGUAGE_MAIN as readonly string[]).includes(LANGUAGE_LABELS[e.label]!));
  const accuracy = (model: LinearModel, data: Example[]) => classificationReport(data.map((e) => e.label), predictAll(model, data), LANGUAGE_LABELS.map((_, i) => i)).accuracy;
  const run = trainSoftmax(train, { task: 'language', labels: LANGUAGE_LABELS, bits: 16, epochs: 8, learningRate: 0.1, l2: 1e-5, seed: 1, score: (m) => accuracy(m, main) });
  const model = run.model;
  model.temperature = fitTemperature(model, val);
  const floor = unknownFloor(model, main);
  const scores = { accuracy6: accuracy(model, main), accuracy7: accuracy(model, val), accuracy6Snippets: accuracy(model, shortVal), unknownFloor: floor };
  model.meta = { trainedOn: 'XLM-T train texts, labelled by language folder', bestEpoch: run.bestEpoch, unknownFloor: floor, val: scores };
  return { model, scores };
}

/**
 * Social posts are often a few words ("not bad", "che bello"), shorter than most tweets: two
 * snippets of 1–4 consecutive words from each text teach the model what short texts look like.
 */
function snippetExamples(split: 'train' | 'val', seed: number): Example[] {
  const random = seededRandom(seed);
  return LANGUAGE_LABELS.flatMap((lang, label) => {
    const texts = loadXlmt(lang, split).texts.flatMap((text) => {
      const words = textView(text).tokens.filter((t) => /\p{L}/u.test(t));
      return [0, 1].map(() => {
        const length = 1 + Math.floor(random() * 4);
        const start = Math.floor(random() * Math.max(1, words.length - length + 1));
        return words.slice(start, start + length).join(' ');
      });
    });
    return toExamples(texts, texts.map(() => label), (t, b) => languageFeatures(textView(t), b));
  });
}

/** The largest probability floor (≤ 0.5) that turns at most 0.5 % of val into "unknown". */
function unknownFloor(model: LinearModel, val: Example[]): number {
  const buffer = new FeatureBuffer();
  const out = new Float64Array(model.labels.length);
  const best = val.map((e) => Math.max(...probabilities(model, toBuffer(e, buffer), out))).sort((a, b) => a - b);
  return Math.min(0.5, best[Math.floor(val.length * 0.005)] ?? 0.5);
}
