/** An insights row: lifetime media metrics carry `values[0].value`, user totals `total_value.value`. */
export interface Insight {
  name: string;
  values?: { value: number }[];
  total_value?: { value: number };
}

/** Every numeric insight under Meta's own name. */
export function insightValues(rows: Insight[] | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows ?? []) {
    const v = r.total_value?.value ?? r.values?.[0]?.value;
    if (typeof v === 'number' && Number.isFinite(v)) out[r.name] = v;
  }
  return out;
}
