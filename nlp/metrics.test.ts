import { describe, expect, it } from 'vitest';
import { accuracy, classificationReport, macroF1, expectedCalibrationError } from './metrics';

// Worked by hand:
//   gold 0 0 1 1 2 2
//   pred 0 1 1 1 2 0
// class 0: tp 1, predicted 2, gold 2 -> P 1/2, R 1/2, F1 1/2
// class 1: tp 2, predicted 3, gold 2 -> P 2/3, R 1,   F1 0.8
// class 2: tp 1, predicted 1, gold 2 -> P 1,   R 1/2, F1 2/3
// macro-F1 (0.5 + 0.8 + 2/3) / 3 = 0.655555…, macro recall 2/3, accuracy 4/6
const gold = [0, 0, 1, 1, 2, 2];
const pred = [0, 1, 1, 1, 2, 0];

describe('metrics', () => {
  it('computes accuracy, per-class scores and macro averages', () => {
    const r = classificationReport(gold, pred, [0, 1, 2]);
    expect(r.accuracy).toBeCloseTo(4 / 6, 10);
    expect(r.perClass.map((c) => [c.precision, c.recall, c.f1, c.support])).toEqual([
      [0.5, 0.5, 0.5, 2],
      [2 / 3, 1, expect.closeTo(0.8, 10), 2],
      [1, 0.5, expect.closeTo(2 / 3, 10), 2],
    ]);
    expect(r.macroF1).toBeCloseTo((0.5 + 0.8 + 2 / 3) / 3, 10);
    expect(r.macroRecall).toBeCloseTo(2 / 3, 10);
    expect(r.confusion).toEqual([
      [1, 1, 0],
      [0, 2, 0],
      [1, 0, 1],
    ]);
  });

  it('is perfect on a perfect prediction and works with string labels', () => {
    const g = ['en', 'it', 'es', 'it'];
    expect(accuracy(g, g)).toBe(1);
    expect(macroF1(g, g, ['en', 'it', 'es'])).toBe(1);
  });

  it('counts a prediction outside the label set as a miss without inventing a class', () => {
    // en: tp 1, predicted 1, gold 2 -> P 1, R 1/2, F1 2/3; it: tp 1, predicted 1, gold 1 -> F1 1
    const r = classificationReport(['en', 'en', 'it'], ['en', 'unknown', 'it'], ['en', 'it']);
    expect(r.accuracy).toBeCloseTo(2 / 3, 10);
    expect(r.perClass[0]).toMatchObject({ precision: 1, recall: 0.5 });
    expect(r.perClass[0]!.f1).toBeCloseTo(2 / 3, 10);
    expect(r.macroF1).toBeCloseTo((2 / 3 + 1) / 2, 10);
  });

  it('scores a class that is never predicted as 0 instead of NaN', () => {
    // Always "0" on a balanced binary set: class 0 P 1/2 R 1 F1 2/3; class 1 all zero.
    const r = classificationReport([0, 1, 0, 1], [0, 0, 0, 0], [0, 1]);
    expect(r.perClass[1]).toMatchObject({ precision: 0, recall: 0, f1: 0, support: 2 });
    expect(r.macroF1).toBeCloseTo(1 / 3, 10);
  });

  it('rejects misaligned inputs and unknown gold labels', () => {
    expect(() => accuracy([0, 1], [0])).toThrow(/2 items/);
    expect(() => classificationReport([3], [3], [0, 1])).toThrow(/not in the label set/);
  });
});

describe('expectedCalibrationError', () => {
  it('is 0 when confidence matches accuracy and grows with overconfidence', () => {
    expect(expectedCalibrationError([0.75, 0.75, 0.75, 0.75], [true, true, true, false])).toBeCloseTo(0, 10);
    expect(expectedCalibrationError([0.95, 0.95, 0.95, 0.95], [true, false, true, false])).toBeCloseTo(0.45, 10);
    expect(() => expectedCalibrationError([0.5], [])).toThrow(/1 items but predictions have 0/);
  });
});
