import i18n, { currentLocale } from '../../i18n';
import type { MediaAsset, MediaProblem } from './api';

export function formatBytes(n: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let v = n;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return new Intl.NumberFormat(currentLocale(), { style: 'unit', unit: units[u], unitDisplay: u === 0 ? 'narrow' : 'short', maximumFractionDigits: v < 10 && u > 0 ? 1 : 0 }).format(v);
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "1280 × 720 · 2:05 · 3.1 MB" */
export function assetFacts(a: MediaAsset): string {
  const parts: string[] = [];
  if (a.width && a.height) parts.push(`${a.width} × ${a.height}`);
  if (a.durationMs !== null) parts.push(formatDuration(a.durationMs));
  parts.push(formatBytes(a.byteSize));
  return parts.join(' · ');
}

/** A network's complaint about an asset, in the reader's language (the server's English is the fallback). */
export function problemText(p: MediaProblem): string {
  const params = { ...p.params } as Record<string, string | number>;
  if (p.rule === 'size') {
    params.max = formatBytes(Number(p.params.max));
    params.actual = formatBytes(Number(p.params.actual));
  }
  if (p.rule === 'duration') {
    params.max = formatDuration(Number(p.params.max) * 1000);
    params.actual = formatDuration(Number(p.params.actual) * 1000);
  }
  return i18n.t(`media.rules.${p.rule}`, { ...params, defaultValue: p.message });
}
