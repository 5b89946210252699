// Classification scores as the benchmarks we are compared with compute them (scikit-learn
// conventions): macro averages are unweighted means over the given label set, and a ratio with
// a zero denominator counts as 0 rather than NaN so one empty class cannot poison the average.

export interface ClassScores<L> {
  label: L;
  precision: number;
  recall: number;
  f1: number;
  /** gold examples of this class */
  support: number;
}

export interface ClassificationReport<L> {
  accuracy: number;
  macroF1: number;
  /** TweetEval's official sentiment metric is macro recall, not macro-F1. */
  macroRecall: number;
  perClass: ClassScores<L>[];
  /** confusion[gold][predicted], indexed like `labels` */
  confusion: number[][];
}

const ratio = (num: number, den: number): number => (den === 0 ? 0 : num / den);

export function accuracy<L>(gold: readonly L[], predicted: readonly L[]): number {
  assertAligned(gold, predicted);
  let hits = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) hits++;
  return ratio(hits, gold.length);
}

/**
 * `labels` fixes the class set and order: a class that is never predicted still counts in the
 * macro average (as in the published tables), and predictions outside the set (e.g. "unknown"
 * from a language detector) count as wrong for their gold class without adding a class.
 */
export function classificationReport<L>(gold: readonly L[], predicted: readonly L[], labels: readonly L[]): ClassificationReport<L> {
  assertAligned(gold, predicted);
  const index = new Map<L, number>(labels.map((l, i) => [l, i]));
  const confusion = labels.map(() => labels.map(() => 0));
  const goldCount = labels.map(() => 0);
  const predCount = labels.map(() => 0);
  for (let i = 0; i < gold.length; i++) {
    const g = index.get(gold[i] as L);
    const p = index.get(predicted[i] as L);
    if (g === undefined) throw new Error(`gold label ${String(gold[i])} is not in the label set`);
    goldCount[g]!++;
    if (p !== undefined) {
      predCount[p]!++;
      confusion[g]![p]!++;
    }
  }
  const perClass = labels.map((label, k) => {
    const tp = confusion[k]![k]!;
    const precision = ratio(tp, predCount[k]!);
    const recall = ratio(tp, goldCount[k]!);
    return { label, precision, recall, f1: ratio(2 * precision * recall, precision + recall), support: goldCount[k]! };
  });
  const mean = (xs: number[]) => ratio(xs.reduce((a, b) => a + b, 0), xs.length);
  return {
    accuracy: accuracy(gold, predicted),
    macroF1: mean(perClass.map((c) => c.f1)),
    macroRecall: mean(perClass.map((c) => c.recall)),
    perClass,
    confusion,
  };
}

export function macroF1<L>(gold: readonly L[], predicted: readonly L[], labels: readonly L[]): number {
  return classificationReport(gold, predicted, labels).macroF1;
}

function assertAligned(a: readonly unknown[], b: readonly unknown[]): void {
  if (a.length !== b.length) throw new Error(`gold has ${a.length} items but predictions have ${b.length}`);
}

/**
 * Expected calibration error: the gap between how sure a classifier says it is (its top
 * probability) and how often it is right, averaged over `bins` equal-width confidence bins,
 * weighted by their share of examples (Guo et al., 2017). 0 is perfectly calibrated.
 */
export function expectedCalibrationError(confidences: readonly number[], correct: readonly boolean[], bins = 10): number {
  assertAligned(confidences, correct);
  const count = new Array<number>(bins).fill(0);
  const sumConfidence = new Array<number>(bins).fill(0);
  const hits = new Array<number>(bins).fill(0);
  confidences.forEach((c, i) => {
    const b = Math.min(bins - 1, Math.floor(c * bins));
    count[b]!++;
    sumConfidence[b]! += c;
    if (correct[i]) hits[b]!++;
  });
  let ece = 0;
  for (let b = 0; b < bins; b++) if (count[b]! > 0) ece += (count[b]! / confidences.length) * Math.abs(hits[b]! / count[b]! - sumConfidence[b]! / count[b]!);
  return ece;
}
