// npm run nlp:train — trains the four models from ../shared/data (train splits; val only for
// early stopping, calibration and thresholds), writes nlp/models/*.model.gz, then scores the
// library as shipped on val and writes nlp/models/scores.json. Seeded: the same data gives the
// same files.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hasSharedData, sharedDataDir } from '../datasets';
import { FEATURES_VERSION } from '../features/taskFeatures';
import { modelPath, type ModelName } from '../model/bundledModels';
import type { LinearModel } from '../model/linearModel';
import { encodeModel } from '../model/modelFile';
import { trainLanguage } from './trainLanguage';
import { trainSentiment } from './trainSentiment';
import { trainToxicity } from './trainToxicity';
import { valScores } from './valScores';

if (!hasSharedData()) {
  console.error(`npm run nlp:train needs the data sets in ${sharedDataDir} (see nlp/MODEL_CARD.md).`);
  process.exit(1);
}

const only = process.argv[2] as ModelName | undefined;
const trainers: Record<ModelName, () => { model: LinearModel }> = {
  language: trainLanguage,
  sentiment: trainSentiment,
  offensive: () => trainToxicity('offensive'),
  hate: () => trainToxicity('hate'),
};

for (const [name, train] of Object.entries(trainers) as [ModelName, () => { model: LinearModel }][]) {
  if (only && only !== name) continue;
  const started = Date.now();
  const { model } = train();
  model.meta = { ...model.meta, featuresVersion: FEATURES_VERSION };
  const file = encodeModel(model);
  writeFileSync(modelPath(name), file);
  console.log(`${name}: ${(file.length / 1e6).toFixed(2)} MB, ${((Date.now() - started) / 1000).toFixed(0)} s, val ${JSON.stringify(model.meta.val)}`);
}

const scores = valScores();
writeFileSync(fileURLToPath(new URL('../models/scores.json', import.meta.url)), `${JSON.stringify(scores, null, 2)}\n`);
console.log(JSON.stringify(scores, null, 2));
