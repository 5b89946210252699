import os from 'node:os';

/** A markdown table, printed as is and copied into docs/BENCHMARKS.md. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.map(String).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const fmt = {
  int: (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a'),
  ms: (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n.toFixed(0)) : 'n/a'),
  s: (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : 'n/a'),
  mb: (kb: number) => (Number.isFinite(kb) ? (kb / 1024).toFixed(0) : 'n/a'),
  ratio: (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : 'n/a'),
};

export function machine(): string {
  const cpus = os.cpus();
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' / ');
  return [
    `- date: ${new Date().toISOString()}`,
    `- machine: ${cpus.length} vCPU (${cpus[0]?.model ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}`,
    `- Node: ${process.version}`,
    `- load average at start (1/5/15 min): ${load}`,
  ].join('\n');
}

export function log(msg: string): void {
  process.stderr.write(`[bench] ${msg}\n`);
}
