// Several two-label models over the same features, read in one pass: each model keeps only the
// difference of its two weight columns (all a two-label softmax depends on), and the models sit
// side by side in each row, so a text's features are looked up once for all of them.
import type { FeatureBuffer } from '../features/featureBuffer';
import type { LinearModel } from './linearModel';

export interface BinaryStack {
  bits: number;
  /** buckets × models: weight of label 1 minus weight of label 0 */
  weights: Float32Array;
  bias: Float64Array;
  temperatures: Float64Array;
}

export function stackBinary(models: readonly LinearModel[]): BinaryStack {
  const m = models.length;
  const bits = models[0]!.bits;
  if (models.some((model) => model.bits !== bits || model.labels.length !== 2)) throw new Error('only two-label models of one size can be stacked');
  const rows = 1 << bits;
  const weights = new Float32Array(rows * m);
  models.forEach((model, j) => {
    for (let r = 0; r < rows; r++) weights[r * m + j] = model.weights[r * 2 + 1]! - model.weights[r * 2]!;
  });
  return {
    bits,
    weights,
    bias: Float64Array.from(models, (model) => model.bias[1]! - model.bias[0]!),
    temperatures: Float64Array.from(models, (model) => model.temperature),
  };
}

/** The probability of label 1 under each model, into `out`. */
export function stackedProbabilities(stack: BinaryStack, features: FeatureBuffer, out: Float64Array): Float64Array {
  const m = stack.bias.length;
  const mask = (1 << stack.bits) - 1;
  const w = stack.weights;
  const { hashes, values } = features;
  if (m === 2) {
    // Offensive and hate: the sums in locals, as in logits().
    let a = stack.bias[0]!;
    let b = stack.bias[1]!;
    for (let i = 0; i < features.length; i++) {
      const row = (hashes[i]! & mask) * 2;
      a += values[i]! * w[row]!;
      b += values[i]! * w[row + 1]!;
    }
    out[0] = a;
    out[1] = b;
  } else {
    for (let j = 0; j < m; j++) out[j] = stack.bias[j]!;
    for (let i = 0; i < features.length; i++) {
      const row = (hashes[i]! & mask) * m;
      for (let j = 0; j < m; j++) out[j]! += values[i]! * w[row + j]!;
    }
  }
  for (let j = 0; j < m; j++) out[j] = 1 / (1 + Math.exp(-out[j]! / stack.temperatures[j]!));
  return out;
}
