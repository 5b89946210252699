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
  const { hashes, values } = features;
  const n = features.length;
  if (k === 3) {
    // The sentiment model's shape, with the sums kept in locals: a third faster than the general
    // loop, which writes to memory on every step.
    let a = model.bias[0]!;
    let b = model.bias[1]!;
    let c = model.bias[2]!;
    for (let i = 0; i < n; i++) {
      const row = (hashes[i]! & mask) * 3;
      const v = values[i]!;
      a += v * w[row]!;
      b += v * w[row + 1]!;
      c += v * w[row + 2]!;
    }
    out[0] = a;
    out[1] = b;
    out[2] = c;
    return out;
  }
  if (k === 7) {
    // The language model's shape (seven languages), likewise.
    let a0 = model.bias[0]!, a1 = model.bias[1]!, a2 = model.bias[2]!, a3 = model.bias[3]!, a4 = model.bias[4]!, a5 = model.bias[5]!, a6 = model.bias[6]!;
    for (let i = 0; i < n; i++) {
      const row = (hashes[i]! & mask) * 7;
      const v = values[i]!;
      a0 += v * w[row]!;
      a1 += v * w[row + 1]!;
      a2 += v * w[row + 2]!;
      a3 += v * w[row + 3]!;
      a4 += v * w[row + 4]!;
      a5 += v * w[row + 5]!;
      a6 += v * w[row + 6]!;
    }
    out.set([a0, a1, a2, a3, a4, a5, a6]);
    return out;
  }
  for (let c = 0; c < k; c++) out[c] = model.bias[c]!;
  for (let i = 0; i < n; i++) {
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
