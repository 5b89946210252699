import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { InvalidArgumentError, type Command } from 'commander';
import { analyze } from '../../nlp/analyze';
import { EVAL_TASKS, evaluate, type EvalTask } from '../../nlp/evaluate';

/**
 * `tandem nlp analyze` and `tandem nlp eval`: the language-intelligence library from the shell.
 * The output of `analyze` is a contract other tools read (one JSON object per input line, in
 * order), so it prints nothing else on standard output.
 */
export function nlpCommand(program: Command) {
  const nlp = program.command('nlp').description('Language, sentiment and toxicity of short texts (offline, in-process)');

  nlp
    .command('analyze')
    .description('Read texts from standard input, one per line; write one JSON object per line: {"lang","sentiment":{"label","scores"},"toxicity":{"score","label"}}')
    .action(async () => {
      // A reader that stops early (`| head`) is not an error.
      process.stdout.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') process.exit(0);
        throw err;
      });
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      // Written in batches: one write per line would cost more than the analysis itself. A batch
      // also goes out as soon as the lines already read are done, so a caller that sends one line
      // and waits for its answer gets it at once.
      let batch: string[] = [];
      let scheduled = false;
      const flush = () => {
        scheduled = false;
        if (batch.length === 0) return true;
        const chunk = `${batch.join('\n')}\n`;
        batch = [];
        return process.stdout.write(chunk);
      };
      for await (const line of lines) {
        // One bad line must not stop the rest: it gets an object like an empty line's.
        try {
          batch.push(JSON.stringify(analyze(line)));
        } catch (err) {
          process.stderr.write(`line could not be analysed: ${(err as Error).message}\n`);
          batch.push(JSON.stringify(analyze('')));
        }
        if (batch.length >= 256) {
          if (!flush()) await new Promise((r) => process.stdout.once('drain', r));
        } else if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      }
      flush();
    });

  nlp
    .command('eval')
    .description('Score the library on labelled texts: accuracy, macro-F1, per-class precision/recall/F1')
    .requiredOption('--task <task>', `one of ${EVAL_TASKS.join(', ')}`, (v: string) => {
      if (!(EVAL_TASKS as readonly string[]).includes(v)) throw new InvalidArgumentError(`choose one of ${EVAL_TASKS.join(', ')}`);
      return v as EvalTask;
    })
    .requiredOption('--texts <file>', 'UTF-8 texts, one per line')
    .requiredOption('--labels <file>', 'one label per line (sentiment 0 neg, 1 neu, 2 pos; offensive/hate 0/1; lang ISO code)')
    .option('--json', 'print the report as JSON')
    .action((opts: { task: EvalTask; texts: string; labels: string; json?: boolean }) => {
      const texts = readLines(opts.texts);
      const labels = readLines(opts.labels);
      let report;
      try {
        report = evaluate(opts.task, texts, labels);
      } catch (err) {
        throw Object.assign(new Error(`${opts.texts} / ${opts.labels}: ${(err as Error).message}`), { userFacing: true });
      }
      if (opts.json) {
        console.log(JSON.stringify(report));
        return;
      }
      const pct = (x: number) => (100 * x).toFixed(1).padStart(6);
      console.log(`task ${opts.task}, ${texts.length} texts`);
      console.log(`accuracy ${pct(report.accuracy)}   macro-F1 ${pct(report.macroF1)}   macro-recall ${pct(report.macroRecall)}`);
      console.log('label      precision  recall      F1  support');
      for (const c of report.perClass) console.log(`${c.label.padEnd(10)} ${pct(c.precision)}    ${pct(c.recall)}  ${pct(c.f1)}  ${String(c.support).padStart(7)}`);
    });
}

function readLines(path: string): string[] {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    throw Object.assign(new Error(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`), { userFacing: true });
  }
  const lines = raw.split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
