// The shipped library's scores on every val split we have, through evaluate() — the numbers in
// MODEL_CARD.md and in models/scores.json, which the regression guard compares against.
import { loadTweetEval, loadXlmt, XLMT_LANGS } from '../datasets';
import { analyze } from '../analyze';
import { evaluate } from '../evaluate';
import { expectedCalibrationError } from '../metrics';

export interface ValScores {
  sentiment: Record<string, number>;
  /** expected calibration error of the sentiment probabilities (10 bins), per language */
  sentimentCalibrationError: Record<string, number>;
  tweetevalSentimentMacroRecall: number;
  offensive: number;
  hate: number;
  lang: { accuracy6: number; perLanguageRecall: Record<string, number> };
}

export const LANG6 = ['en', 'it', 'es', 'fr', 'de', 'pt'] as const;

export function valScores(): ValScores {
  const sentiment = Object.fromEntries(
    XLMT_LANGS.map((l) => {
      const d = loadXlmt(l, 'val');
      return [l, evaluate('sentiment', d.texts, d.labels.map(String)).macroF1];
    }),
  );
  const labels = ['negative', 'neutral', 'positive'];
  const sentimentCalibrationError = Object.fromEntries(
    XLMT_LANGS.map((l) => {
      const d = loadXlmt(l, 'val');
      const results = d.texts.map((t) => analyze(t).sentiment);
      return [l, expectedCalibrationError(results.map((r) => Math.max(...Object.values(r.scores))), results.map((r, i) => labels.indexOf(r.label) === d.labels[i]))];
    }),
  );
  const te = loadTweetEval('sentiment', 'val');
  const off = loadTweetEval('offensive', 'val');
  const hate = loadTweetEval('hate', 'val');
  const texts = LANG6.flatMap((l) => loadXlmt(l, 'val').texts);
  const langs = LANG6.flatMap((l) => loadXlmt(l, 'val').texts.map(() => l));
  const lang = evaluate('lang', texts, langs);
  return {
    sentiment,
    sentimentCalibrationError,
    tweetevalSentimentMacroRecall: evaluate('sentiment', te.texts, te.labels.map(String)).macroRecall,
    offensive: evaluate('offensive', off.texts, off.labels.map(String)).macroF1,
    hate: evaluate('hate', hate.texts, hate.labels.map(String)).macroF1,
    lang: { accuracy6: lang.accuracy, perLanguageRecall: Object.fromEntries(lang.perClass.map((c) => [c.label, c.recall])) },
  };
}
