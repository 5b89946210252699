export type DigestKind = 'daily' | 'weekly';

/**
 * The period a digest belongs to, in UTC: `daily:2026-11-23`, `weekly:2026-W48` (ISO 8601 weeks,
 * Monday first). One digest per member and period, whatever hour of it the job runs.
 */
export function digestPeriod(kind: DigestKind, at: Date): string {
  if (kind === 'daily') return `daily:${at.toISOString().slice(0, 10)}`;
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday); // the Thursday of this week names its year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `weekly:${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export const digestKindOf = (period: string): DigestKind | null => (period.startsWith('daily:') ? 'daily' : period.startsWith('weekly:') ? 'weekly' : null);

/** How far back a digest looks. */
export const digestSpanMs = (kind: DigestKind) => (kind === 'daily' ? 1 : 7) * 86_400_000;
