// npm run bench [-- --only throughput|coldstart] [-- --quick] [-- --out FILE]
// Request throughput and embedded cold start, each against a baseline measured in the same run.
// Loopback only, bounded loops, about 3 minutes in all. Results go to stdout as markdown
// (and to FILE with --out); docs/BENCHMARKS.md records a run and how to read it.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runColdStart } from './coldStart';
import { machine } from './report';
import { runThroughput } from './throughput';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
if (values.only && !['throughput', 'coldstart'].includes(values.only)) {
  console.error(`--only must be throughput or coldstart, not ${values.only}`);
  process.exit(2);
}

const started = Date.now();
const sections: string[] = ['## Results', '', machine()];
if (!values.only || values.only === 'throughput') {
  sections.push('', await runThroughput(values.quick ? { connections: 16, warmupMs: 1000, durationMs: 2000 } : { connections: 16, warmupMs: 1000, durationMs: 4000 }));
}
if (!values.only || values.only === 'coldstart') {
  sections.push('', await runColdStart(values.quick ? { repeats: 1, idleMs: 1000 } : { repeats: 3, idleMs: 3000 }));
}
sections.push('', `Whole run: ${((Date.now() - started) / 1000).toFixed(0)} s.`);
const report = sections.join('\n');
console.log(`\n${report}`);
if (values.out) writeFileSync(values.out, `${report}\n`);
// pg-boss or PGlite timers must not keep a finished run alive.
process.exit(0);
