import type { LinearModel } from '../model/linearModel';

/** The element-wise mean of models of the same shape. */
export function averageModels(models: readonly LinearModel[]): LinearModel {
  const first = models[0]!;
  const weights = new Float32Array(first.weights.length);
  const bias = new Float32Array(first.bias.length);
  for (const m of models) {
    for (let i = 0; i < weights.length; i++) weights[i]! += m.weights[i]! / models.length;
    for (let c = 0; c < bias.length; c++) bias[c]! += m.bias[c]! / models.length;
  }
  return { ...first, weights, bias, temperature: 1, meta: {} };
}
