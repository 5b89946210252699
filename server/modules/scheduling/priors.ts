import bluesky from './priors/bluesky.json';
import fallback from './priors/default.json';

/** 7 × 24 relative engagement (ISO weekday − 1, hour), mean 1. */
export type PriorGrid = number[][];

interface PriorFile {
  network: string;
  source: string;
  assumption: string;
  weekday: number[];
  hour: number[];
}

const FILES: Record<string, PriorFile> = { bluesky };

function grid(f: PriorFile): PriorGrid {
  if (f.weekday.length !== 7 || f.hour.length !== 24) throw new Error(`prior ${f.network}: needs 7 weekday and 24 hour factors`);
  const raw = f.weekday.map((w) => f.hour.map((h) => w * h));
  const mean = raw.flat().reduce((a, b) => a + b, 0) / 168;
  return raw.map((row) => row.map((v) => v / mean));
}

const cache = new Map<string, PriorGrid>();

/** The documented prior of a network (priors/<network>.json), or the default one; see priors/README.md. */
export function priorFor(network: string): PriorGrid {
  let g = cache.get(network);
  if (!g) {
    g = grid(FILES[network] ?? fallback);
    cache.set(network, g);
  }
  return g;
}
