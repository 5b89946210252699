// Runs in its own process (see nlp.ts) so the memory figures are the models' and nothing else's.
// Prints one JSON object on stdout.
import { performance } from 'node:perf_hooks';
import { loadXlmt, XLMT_LANGS } from '../nlp/datasets';

const passes = Number(process.argv[2] ?? 5);
const texts = XLMT_LANGS.flatMap((l) => loadXlmt(l, 'val').texts);
// Texts the warm-up never saw, for the rate of a stream of new posts with their new words.
const unseen = XLMT_LANGS.flatMap((l) => loadXlmt(l, 'train').texts);
const memory = () => {
  const m = process.memoryUsage();
  return { rss: m.rss, data: m.heapUsed + m.arrayBuffers + m.external };
};
globalThis.gc?.();
const before = memory();
const { analyze, detectLanguage, analyzeSentiment, analyzeToxicity, tokenize } = await import('../nlp/index');
const { textView } = await import('../nlp/features/textView');
const loadStart = performance.now();
analyze('carica i modelli'); // the first call loads the four model files
const loadMs = performance.now() - loadStart;
globalThis.gc?.();
const after = memory();

/** Texts per second on this one thread: the first pass (cold word caches) and the best later one. */
function rate(run: (text: string) => unknown): { first: number; best: number } {
  const one = () => {
    const start = performance.now();
    for (const t of texts) run(t);
    return texts.length / ((performance.now() - start) / 1000);
  };
  const first = one();
  let best = 0;
  for (let p = 0; p < passes; p++) best = Math.max(best, one());
  return { first, best };
}

// Baseline first, so its word caches (none) cannot flatter what follows.
const rates = {
  tokenize: rate((t) => tokenize(t)),
  analyze: rate((t) => analyze(t)),
};
const unseenStart = performance.now();
for (const t of unseen) analyze(t);
const unseenRate = unseen.length / ((performance.now() - unseenStart) / 1000);
const results = {
  texts: texts.length,
  loadMs,
  modelMemory: { rss: after.rss - before.rss, data: after.data - before.data },
  unseen: { texts: unseen.length, rate: unseenRate },
  rates: {
    ...rates,
    language: rate((t) => detectLanguage(textView(t))),
    sentiment: rate((t) => analyzeSentiment(textView(t), 'it')),
    toxicity: rate((t) => analyzeToxicity(textView(t), 'it')),
  },
};
console.log(JSON.stringify(results));
