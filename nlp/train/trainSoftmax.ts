// Trains a LinearModel by stochastic gradient descent on the cross-entropy, with AdaGrad step
// sizes (rare features, which most hashed n-grams are, keep larger steps) and L2 applied to the
// weights a text touches. After each epoch the model is scored on validation data and the best
// epoch is kept: early stopping, the only use of validation besides choosing settings.
import { FeatureBuffer } from '../features/featureBuffer';
import { argmax, createModel, logits, softmax, type LinearModel } from '../model/linearModel';
import { seededRandom, shuffleInPlace } from '../../shared/random';

export interface Example {
  hashes: Uint32Array;
  values: Float32Array;
  label: number;
}

export interface TrainOptions {
  task: string;
  labels: readonly string[];
  bits: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** per-label weight of an example's loss, e.g. to balance rare classes */
  classWeights?: readonly number[];
  /** higher is better; called after each epoch on validation data */
  score: (model: LinearModel) => number;
}

export interface TrainResult {
  model: LinearModel;
  bestEpoch: number;
  bestScore: number;
}

export function toBuffer(example: Pick<Example, 'hashes' | 'values'>, into = new FeatureBuffer()): FeatureBuffer {
  into.clear();
  for (let i = 0; i < example.hashes.length; i++) into.add(example.hashes[i]!, example.values[i]!);
  return into;
}

export function trainSoftmax(examples: readonly Example[], options: TrainOptions): TrainResult {
  const k = options.labels.length;
  const model = createModel(options.task, options.labels, options.bits);
  const mask = (1 << options.bits) - 1;
  const g2 = new Float32Array(model.weights.length);
  const b2 = new Float64Array(k);
  const random = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  const buffer = new FeatureBuffer();
  const p = new Float64Array(k);
  let best: TrainResult = { model: cloneModel(model), bestEpoch: 0, bestScore: -Infinity };
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const index of order) {
      const ex = examples[index]!;
      toBuffer(ex, buffer);
      softmax(logits(model, buffer, p), k);
      const weight = options.classWeights?.[ex.label] ?? 1;
      for (let c = 0; c < k; c++) {
        // d(loss)/d(logit_c) = p_c - [c = gold], weighted
        const grad = weight * (p[c]! - (c === ex.label ? 1 : 0));
        b2[c]! += grad * grad;
        model.bias[c]! -= (options.learningRate * grad) / Math.sqrt(b2[c]! + 1e-8);
        for (let i = 0; i < ex.hashes.length; i++) {
          const at = (ex.hashes[i]! & mask) * k + c;
          const g = grad * ex.values[i]! + options.l2 * model.weights[at]!;
          g2[at]! += g * g;
          model.weights[at]! -= (options.learningRate * g) / Math.sqrt(g2[at]! + 1e-8);
        }
      }
    }
    const score = options.score(model);
    if (score > best.bestScore) best = { model: cloneModel(model), bestEpoch: epoch, bestScore: score };
  }
  return best;
}

/**
 * The temperature that minimises the negative log-likelihood of the gold labels (Guo et al.,
 * 2017): one number, so it changes how sure the model sounds, never which label wins.
 */
export function fitTemperature(model: LinearModel, examples: readonly Example[]): number {
  const k = model.labels.length;
  const buffer = new FeatureBuffer();
  const raw = examples.map((ex) => Float64Array.from(logits(model, toBuffer(ex, buffer), new Float64Array(k))));
  const nll = (t: number) => {
    let sum = 0;
    const p = new Float64Array(k);
    raw.forEach((l, i) => {
      p.set(l);
      softmax(p, k, t);
      sum -= Math.log(Math.max(p[examples[i]!.label]!, 1e-12));
    });
    return sum / examples.length;
  };
  // Golden-section search on [0.05, 20]: the NLL is unimodal in T for a fixed model.
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const a = hi - phi * (hi - lo);
    const b = lo + phi * (hi - lo);
    if (nll(Math.exp(a)) < nll(Math.exp(b))) hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}

export function predictAll(model: LinearModel, examples: readonly Pick<Example, 'hashes' | 'values'>[]): number[] {
  const k = model.labels.length;
  const buffer = new FeatureBuffer();
  const out = new Float64Array(k);
  return examples.map((ex) => argmax(logits(model, toBuffer(ex, buffer), out), k));
}

function cloneModel(model: LinearModel): LinearModel {
  return { ...model, weights: model.weights.slice(), bias: model.bias.slice(), meta: { ...model.meta } };
}
