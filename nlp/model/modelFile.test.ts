import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FeatureBuffer } from '../features/featureBuffer';
import { createModel, probabilities } from './linearModel';
import { decodeModel, encodeModel } from './modelFile';

describe('model files', () => {
  it('round-trip a model within the 16-bit quantisation step', () => {
    const model = createModel('sentiment', ['negative', 'neutral', 'positive'], 4);
    model.weights.forEach((_, i) => (model.weights[i] = Math.sin(i) * 3));
    model.bias.set([0.1, -0.2, 0.3]);
    model.temperature = 1.7;
    model.meta = { featuresVersion: 1 };
    const back = decodeModel(encodeModel(model), 'sentiment');
    expect(back.labels).toEqual(model.labels);
    expect(back.temperature).toBe(1.7);
    for (let i = 0; i < model.weights.length; i++) expect(Math.abs(back.weights[i]! - model.weights[i]!)).toBeLessThan(3 / 32767 + 1e-6);
    const f = new FeatureBuffer();
    f.add(3, 1);
    f.add(17, 0.5);
    const p = probabilities(back, f, new Float64Array(3));
    expect(p[0]! + p[1]! + p[2]!).toBeCloseTo(1, 6);
  });

  it('refuse a file of another task, another format or cut short, saying what to do', () => {
    const file = encodeModel(createModel('hate', ['no', 'yes'], 3));
    expect(() => decodeModel(file, 'offensive')).toThrow(/holds task "hate", expected "offensive"/);
    const header = Buffer.from(JSON.stringify({ format: 'other/9' }));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length);
    expect(() => decodeModel(gzipSync(Buffer.concat([length, header])), 'hate')).toThrow(/npm run nlp:train/);
    const raw = encodeModel(createModel('hate', ['no', 'yes'], 3));
    const cut = gzipSync(gunzipSync(raw).subarray(0, -4));
    expect(() => decodeModel(cut, 'hate')).toThrow(/truncated/);
  });
});
