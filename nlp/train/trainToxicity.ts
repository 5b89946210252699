// Offensive language (OffensEval) and hate speech (HatEval), English, from TweetEval's train
// splits. Each is a two-label model; the decision threshold is the one that maximises macro-F1 on
// val, and is stored in the model so the runtime labels exactly as evaluated.
import { loadTweetEval, TWEETEVAL_LABELS } from '../datasets';
import { FeatureBuffer } from '../features/featureBuffer';
import { toxicityFeatures } from '../features/taskFeatures';
import { textView } from '../features/textView';
import { macroF1 } from '../metrics';
import { probabilities, type LinearModel } from '../model/linearModel';
import { averageModels } from './averageModels';
import { toExamples } from './examples';
import { fitTemperature, toBuffer, trainSoftmax, type Example } from './trainSoftmax';

export type ToxicityTask = 'offensive' | 'hate';
const SEEDS = [1, 2, 3];

export function trainToxicity(task: ToxicityTask): { model: LinearModel; scores: { macroF1: number; threshold: number } } {
  const examples = (split: 'train' | 'val') => {
    const data = loadTweetEval(task, split);
    return toExamples(data.texts, data.labels, (t, b) => toxicityFeatures(textView(t), 'en', b));
  };
  const train = examples('train');
  const val = examples('val');
  const positives = train.filter((e) => e.label === 1).length;
  // Balanced class weights: both tasks have fewer positives, and macro-F1 weighs both classes alike.
  const classWeights = [train.length / (2 * (train.length - positives)), train.length / (2 * positives)];
  const runs = SEEDS.map((seed) =>
    trainSoftmax(train, {
      task,
      labels: TWEETEVAL_LABELS[task],
      bits: 18,
      epochs: 6,
      learningRate: 0.05,
      l2: 3e-4,
      seed,
      classWeights,
      score: (m) => bestThreshold(m, val).macroF1,
    }),
  );
  const model = averageModels(runs.map((r) => r.model));
  model.temperature = fitTemperature(model, val);
  const best = bestThreshold(model, val);
  model.meta = { trainedOn: `TweetEval ${task} train (English)`, seeds: SEEDS, bestEpochs: runs.map((r) => r.bestEpoch), threshold: best.threshold, val: best };
  return { model, scores: best };
}

function bestThreshold(model: LinearModel, val: Example[]): { macroF1: number; threshold: number } {
  const buffer = new FeatureBuffer();
  const out = new Float64Array(2);
  const p = val.map((e) => probabilities(model, toBuffer(e, buffer), out)[1]!);
  const gold = val.map((e) => e.label);
  let best = { macroF1: -1, threshold: 0.5 };
  for (let t = 0.2; t <= 0.8001; t += 0.02) {
    const f = macroF1(gold, p.map((x) => (x >= t ? 1 : 0)), [0, 1]);
    if (f > best.macroF1) best = { macroF1: f, threshold: Math.round(t * 100) / 100 };
  }
  return best;
}
