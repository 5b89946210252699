// Turns labelled texts into training examples with a task's feature function.
import { FeatureBuffer } from '../features/featureBuffer';
import type { Example } from './trainSoftmax';

export function toExamples(texts: readonly string[], labels: readonly number[], features: (text: string, into: FeatureBuffer) => void): Example[] {
  const buffer = new FeatureBuffer();
  return texts.map((text, i) => {
    features(text, buffer.clear());
    return { ...buffer.snapshot(), label: labels[i]! };
  });
}
