import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { hasSharedData, sharedDataDir } from '../nlp/datasets';
import { fmt, log, table } from './report';

/**
 * Language intelligence throughput on one core (issue 5: at least 20,000 texts/s for analyze with
 * all three tasks), against the same run's baseline of merely normalising and tokenising the
 * texts, and the memory the loaded models take. Texts: the XLM-T val splits of eight languages.
 */
export function runNlp(options: { passes: number }): string {
  if (!hasSharedData()) return `### Language intelligence\n\nSkipped: the XLM-T texts are not at ${sharedDataDir}.`;
  log('nlp: analysing XLM-T val texts in a child process');
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL('./nlpChild.ts', import.meta.url)), String(options.passes)], {
    encoding: 'utf8',
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  });
  if (child.status !== 0) throw new Error(`nlp bench child failed: ${child.stderr}`);
  const r = JSON.parse(child.stdout) as {
    texts: number;
    loadMs: number;
    modelMemory: { rss: number; data: number };
    unseen: { texts: number; rate: number };
    rates: Record<'tokenize' | 'analyze' | 'language' | 'sentiment' | 'toxicity', { first: number; best: number }>;
  };
  const base = r.rates.tokenize.best;
  const row = (name: string, what: string, k: keyof typeof r.rates) => [name, what, fmt.int(r.rates[k].first), fmt.int(r.rates[k].best), fmt.ratio(r.rates[k].best / base)];
  return [
    `### Language intelligence (${r.texts.toLocaleString('en-US')} XLM-T val texts, 8 languages, one thread; first pass with cold word caches, then the best of ${options.passes})`,
    '',
    table(
      ['what', 'work per text', 'texts/s, first pass', 'texts/s, best pass', '÷ baseline'],
      [
        row('baseline: tokenize', 'normalise + tokenise only', 'tokenize'),
        row('**analyze**', 'language + sentiment + toxicity', 'analyze'),
        ['**analyze, new texts**', `one pass over the ${r.unseen.texts.toLocaleString('en-US')} XLM-T train texts, after the above`, '', fmt.int(r.unseen.rate), fmt.ratio(r.unseen.rate / base)],
        row('language alone', 'tokens → language', 'language'),
        row('sentiment alone', 'tokens → sentiment (Italian weights)', 'sentiment'),
        row('toxicity alone', 'tokens → offensive + hate + lexicon', 'toxicity'),
      ],
    ),
    '',
    'The first pass includes one-time work: each language\'s valence list is stemmed on its first text, and every word form is hashed once. "New texts" is the steady state for a stream of posts the caches have not seen.',
    '',
    `Models: loaded in ${fmt.ms(r.loadMs)} ms on first use; they take ${(r.modelMemory.data / 2 ** 20).toFixed(1)} MB of heap and buffers (${(r.modelMemory.rss / 2 ** 20).toFixed(1)} MB of RSS).`,
  ].join('\n');
}
