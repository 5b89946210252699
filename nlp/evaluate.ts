// Scores the library as shipped (the same calls the product makes) against labelled texts, with
// the data sets' label conventions: sentiment 0 negative, 1 neutral, 2 positive; offensive and
// hate 0 no, 1 yes; lang an ISO 639-1 code per line. Used by `tandem nlp eval` and by the
// regression guard.
import { analyze } from './analyze';
import { detectLanguage } from './language';
import { classificationReport, type ClassificationReport } from './metrics';

export const EVAL_TASKS = ['sentiment', 'offensive', 'hate', 'lang'] as const;
export type EvalTask = (typeof EVAL_TASKS)[number];

const SENTIMENT = ['negative', 'neutral', 'positive'];

export function evaluate(task: EvalTask, texts: readonly string[], labels: readonly string[]): ClassificationReport<string> {
  if (texts.length !== labels.length) throw new Error(`${texts.length} texts but ${labels.length} labels: the files must have one line each per example`);
  const gold = labels.map((l) => l.trim());
  if (task === 'lang') {
    const classes = [...new Set(gold)].sort();
    return classificationReport(gold, texts.map((t) => detectLanguage(t).lang), classes);
  }
  const classes = task === 'sentiment' ? ['0', '1', '2'] : ['0', '1'];
  const bad = gold.findIndex((l) => !classes.includes(l));
  if (bad >= 0) throw new Error(`labels line ${bad + 1}: "${gold[bad]}" is not a ${task} label (${classes.join(', ')})`);
  const predicted = texts.map((t) => {
    const a = analyze(t);
    if (task === 'sentiment') return String(SENTIMENT.indexOf(a.sentiment.label));
    // Offensive: its own decision, or the lexicon's outside English (a hate label alone is a
    // different question, as in the data sets).
    if (task === 'offensive') return a.toxicity.parts.offensive >= 0.5 || (a.toxicity.label === 'offensive' && a.lang !== 'en') ? '1' : '0';
    return a.toxicity.label === 'hate' ? '1' : '0';
  });
  return classificationReport(gold, predicted, classes);
}
