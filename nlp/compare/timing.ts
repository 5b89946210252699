// Throughput on one core: the script is single-threaded, so wall time over a synchronous loop is
// one core's time. The machine is shared, so each figure is the best of a few passes rather than
// one pass that a neighbour's burst could slow down.
import { performance } from 'node:perf_hooks';

export async function textsPerSecond(texts: readonly string[], run: (text: string) => unknown, passes = 3): Promise<number> {
  for (const t of texts) await run(t); // warm-up: JIT and lazy model loading are not throughput
  let best = 0;
  for (let p = 0; p < passes; p++) {
    const start = performance.now();
    for (const t of texts) await run(t);
    const seconds = (performance.now() - start) / 1000;
    best = Math.max(best, texts.length / seconds);
  }
  return best;
}
