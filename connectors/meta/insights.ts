import type { ConnectorContext, RemoteRef } from '../types';
import type { GraphApi } from './api';
import { isGone } from './graph';

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

/** `GET /{media-id}/insights?metric=…`, one post at a time; a post that is gone is left out. */
export async function postInsights(api: GraphApi, ctx: ConnectorContext, refs: RemoteRef[], metric: string): Promise<{ id: string; raw: Record<string, number> }[]> {
  const out: { id: string; raw: Record<string, number> }[] = [];
  for (const ref of refs) {
    try {
      const res = await api.call<{ data?: Insight[] }>(ctx, 'GET', `${ref.id}/insights`, { metric });
      out.push({ id: ref.id, raw: insightValues(res.data) });
    } catch (err) {
      if (!isGone(err)) throw err;
    }
  }
  return out;
}
