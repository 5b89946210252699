// The model files committed in nlp/models/, loaded once on first use. The runtime never trains
// and never reaches the network: a missing file means the repository is incomplete.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FEATURES_VERSION } from '../features/taskFeatures';
import type { LinearModel } from './linearModel';
import { decodeModel } from './modelFile';

export type ModelName = 'language' | 'sentiment' | 'offensive' | 'hate';
export const MODEL_NAMES: readonly ModelName[] = ['language', 'sentiment', 'offensive', 'hate'];

const loaded = new Map<ModelName, LinearModel>();

export function modelPath(name: ModelName): string {
  return fileURLToPath(new URL(`../models/${name}.model.gz`, import.meta.url));
}

export function bundledModel(name: ModelName): LinearModel {
  let model = loaded.get(name);
  if (!model) {
    const path = modelPath(name);
    if (!existsSync(path)) throw new Error(`the ${name} model is missing (${path}); run npm run nlp:train`);
    model = decodeModel(readFileSync(path), name);
    if (model.meta.featuresVersion !== FEATURES_VERSION) {
      throw new Error(`the ${name} model was trained on features v${String(model.meta.featuresVersion)}, this code computes v${FEATURES_VERSION}; run npm run nlp:train`);
    }
    loaded.set(name, model);
  }
  return model;
}
