// `npm run nlp:compare`: what the registry offers ready-made, measured on the VAL splits only,
// printed as markdown for nlp/EVALUATION.md. It decides what the next session wraps and what it
// must train itself, so it reports accuracy and speed side by side.
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { hasSharedData, loadTweetEval, loadXlmt, sharedDataDir, SENTIMENT_LABELS } from '../datasets';
import { classificationReport } from '../metrics';
import { normalizeText } from '../normalize';
import { detectors, TARGET_LANGS, UNKNOWN } from './langDetectors';
import { labelFromScore, lexiconScorers, type LexiconScorer, type SentimentLang } from './lexiconSentiment';
import { textsPerSecond } from './timing';

const pct = (x: number) => (100 * x).toFixed(1);

function version(pkg: string): string {
  // Read the file directly: several of these packages' "exports" hide package.json.
  const path = fileURLToPath(new URL(`../../node_modules/${pkg}/package.json`, import.meta.url));
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

async function compareLanguageDetectors(): Promise<string[]> {
  const gold: string[] = [];
  const raw: string[] = [];
  for (const lang of TARGET_LANGS) {
    const { texts } = loadXlmt(lang, 'val');
    for (const t of texts) {
      gold.push(lang);
      raw.push(t);
    }
  }
  const clean = raw.map(normalizeText);
  const out = [
    `### Language detection: XLM-T val, ${TARGET_LANGS.join(', ')} (${gold.length} texts, ${gold.length / TARGET_LANGS.length} per language)`,
    '',
    'Accuracy and macro-F1 over the six languages on normalised text (nlp/normalize.ts); "unknown" counts as wrong. Raw = the same on the unnormalised text.',
    '',
    '| detector | version | accuracy | macro-F1 | unknown | accuracy raw | worst language (recall) | texts/s, 1 core |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const d of detectors) {
    d.setup?.();
    const pred = clean.map((t) => d.detect(t));
    const predRaw = raw.map((t) => d.detect(t));
    const report = classificationReport(gold, pred, TARGET_LANGS);
    const rawAcc = classificationReport(gold, predRaw, TARGET_LANGS).accuracy;
    const unknown = pred.filter((p) => p === UNKNOWN).length / pred.length;
    const worst = [...report.perClass].sort((a, b) => a.recall - b.recall)[0]!;
    const speed = await textsPerSecond(clean, (t) => d.detect(t));
    out.push(
      `| ${d.name} | ${version(d.pkg)} | ${pct(report.accuracy)} | ${pct(report.macroF1)} | ${pct(unknown)} % | ${pct(rawAcc)} | ${worst.label} ${pct(worst.recall)} | ${Math.round(speed).toLocaleString('en-US')} |`,
    );
  }
  return out;
}

const SENTIMENT_CLASSES = SENTIMENT_LABELS.map((_, i) => i);

async function scoreAll(s: LexiconScorer, texts: string[], lang: SentimentLang): Promise<number[]> {
  const scores: number[] = [];
  for (const t of texts) scores.push(await s.score(normalizeText(t), lang));
  return scores;
}

// The widest useful band is where every train score is neutral, so candidates are the train
// scores' own magnitudes: the best one on train is then used unchanged on val.
async function neutralBandFromTrain(s: LexiconScorer, lang: SentimentLang): Promise<number> {
  const train = loadXlmt(lang, 'train');
  const scores = await scoreAll(s, train.texts, lang);
  const candidates = [...new Set([0, ...scores.map(Math.abs)])].sort((a, b) => a - b);
  let best = { band: 0, f1: -1 };
  for (const band of candidates) {
    const f1 = classificationReport(train.labels, scores.map((x) => labelFromScore(x, band)), SENTIMENT_CLASSES).macroF1;
    if (f1 > best.f1) best = { band, f1 };
  }
  return best.band;
}

async function compareLexiconSentiment(): Promise<string[]> {
  const scorers = await lexiconScorers();
  const sets: { name: string; lang: SentimentLang; texts: string[]; labels: number[]; metric: 'macroF1' | 'macroRecall' }[] = [
    ...(['en', 'it', 'es'] as const).map((lang) => ({ name: `XLM-T ${lang} val`, lang, ...loadXlmt(lang, 'val'), metric: 'macroF1' as const })),
    // TweetEval's official sentiment metric is macro recall; reported as such for comparison.
    { name: 'TweetEval sentiment val (en)', lang: 'en', ...loadTweetEval('sentiment', 'val'), metric: 'macroRecall' },
  ];
  const out = [
    '### Lexicon sentiment on normalised text',
    '',
    '"sign": the package\'s own vote (score < 0 negative, 0 neutral, > 0 positive). "band": |score| <= t is neutral, t chosen on XLM-T train of the same language (English train for TweetEval).',
    '',
    '| scorer | version | data | metric | rule | score | neg F1 | neu F1 | pos F1 | texts/s, 1 core |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of scorers) {
    for (const set of sets) {
      if (!s.langs.includes(set.lang)) continue;
      const scores = await scoreAll(s, set.texts, set.lang);
      const band = await neutralBandFromTrain(s, set.lang);
      const clean = set.texts.map(normalizeText);
      const speed = await textsPerSecond(clean, (t) => s.score(t, set.lang));
      for (const [rule, t] of [['sign', 0], [`band t=${+band.toFixed(3)}`, band]] as const) {
        const r = classificationReport(set.labels, scores.map((x) => labelFromScore(x, t)), SENTIMENT_CLASSES);
        const f1 = r.perClass.map((c) => pct(c.f1));
        out.push(
          `| ${s.name} | ${version(s.pkg)} | ${set.name} | ${set.metric === 'macroF1' ? 'macro-F1' : 'macro recall'} | ${rule} | ${pct(r[set.metric])} | ${f1.join(' | ')} | ${Math.round(speed).toLocaleString('en-US')} |`,
        );
      }
    }
  }
  return out;
}

async function main(): Promise<void> {
  if (!hasSharedData()) {
    console.error(`nlp:compare needs the shared data sets at ${sharedDataDir}`);
    process.exitCode = 1;
    return;
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const header = [
    `## Ready-made options, measured ${new Date().toISOString().slice(0, 10)}`,
    '',
    `Node ${process.version}, ${cpu}, ${cpus().length} cores (shared machine), ${Math.round(totalmem() / 2 ** 30)} GiB RAM. Validation splits only.`,
    '',
  ];
  const lines = [...header, ...(await compareLanguageDetectors()), '', ...(await compareLexiconSentiment())];
  console.log(lines.join('\n'));
}

await main();
