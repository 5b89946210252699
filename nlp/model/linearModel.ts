// A multinomial logistic regression over hashed features: the one model shape behind language,
// sentiment and toxicity. Weights are laid out feature-major (row = hashed bucket, one column per
// label) so scoring a text reads a few short contiguous runs of memory.
import type { FeatureBuffer } from '../features/featureBuffer';

export interface LinearModel {
  /** what the model predicts, e.g. "sentiment"; checked when a model file is loaded */
  task: string;
  labels: readonly string[];
  /** log2 of the number of hashed buckets */
  bits: number;
  /** buckets × labels, feature-major */
  weights: Float32Array;
  bias: Float32Array;
  /** divides the logits before softmax; fitted on validation data so probabilities are calibrated */
  temperature: number;
  /** how the model was made and how it scored: written by the trainer, shown in reports */
  meta: Record<string, unknown>;
}

export function createModel(task: string, labels: readonly string[], bits: number): LinearModel {
  return {
    task,
    labels,
    bits,
    weights: new Float32Array((1 << bits) * labels.length),
    bias: new Float32Array(labels.length),
    temperature: 1,
    meta: {},
  };
}

/** Raw scores (before temperature) into `out`, one per label. */
export function logits(model: LinearModel, features: FeatureBuffer, out: Float64Array): Float64Array {
  const k = model.labels.length;
  const mask = (1 << model.bits) - 1;
  const w = model.weights;
  for (let c = 0; c < k; c++) out[c] = model.bias[c]!;
  const { hashes, values } = features;
  for (let i = 0; i < features.length; i++) {
    const row = (hashes[i]! & mask) * k;
    const v = values[i]!;
    for (let c = 0; c < k; c++) out[c]! += v * w[row + c]!;
  }
  return out;
}

/** Softmax of logits / temperature, in place. */
export function softmax(scores: Float64Array, k: number, temperature = 1): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < k; c++) max = Math.max(max, scores[c]! / temperature);
  let sum = 0;
  for (let c = 0; c < k; c++) {
    const e = Math.exp(scores[c]! / temperature - max);
    scores[c] = e;
    sum += e;
  }
  for (let c = 0; c < k; c++) scores[c]! /= sum;
  return scores;
}

export function probabilities(model: LinearModel, features: FeatureBuffer, out: Float64Array): Float64Array {
  return softmax(logits(model, features, out), model.labels.length, model.temperature);
}

export function argmax(scores: Float64Array, k: number): number {
  let best = 0;
  for (let c = 1; c < k; c++) if (scores[c]! > scores[best]!) best = c;
  return best;
}
