import { DateTime } from 'luxon';
import type { BestTimeWhy } from '../../../shared/contracts/scheduling';
import type { PriorGrid } from './priors';

/** A published post's engagement (likes + replies + reposts + quotes, see KPIS.md) and when it went out. */
export interface PostEngagement {
  publishedAt: Date;
  engagement: number;
}

export interface ScoreOptions {
  timeZone: string;
  now: Date;
  prior: PriorGrid;
  /** A post this many days old counts half as much as one published now. */
  halfLifeDays?: number;
  /** With this many posts or more the prior no longer counts; below, its share is 1 − posts ÷ this. */
  fullHistoryAt?: number;
}

export interface ScoredSlot {
  weekday: number;
  hour: number;
  score: number;
  why: BestTimeWhy;
}

export const HALF_LIFE_DAYS = 30;
export const FULL_HISTORY_AT = 20;
/** Pseudo-posts of "usual" engagement in each slot, so one lucky post does not make a best time. */
const SHRINK = 1;

/**
 * Scores every weekday × hour slot (in the channel's zone) from the channel's own past engagement:
 * each post's engagement relative to the channel's usual (median) post, weighted by recency
 * (exponential, `halfLifeDays`), averaged per slot and shrunk towards 1 (the usual). With fewer
 * than `fullHistoryAt` posts, the network prior is blended in with weight 1 − posts ÷ fullHistoryAt.
 * Sorted best first. Pure: `now` is passed in.
 */
export function scoreSlots(history: PostEngagement[], opts: ScoreOptions): ScoredSlot[] {
  const halfLife = opts.halfLifeDays ?? HALF_LIFE_DAYS;
  const full = opts.fullHistoryAt ?? FULL_HISTORY_AT;
  const posts = history.filter((p) => p.publishedAt.getTime() <= opts.now.getTime());
  const usual = median(posts.map((p) => p.engagement));
  const priorShare = Math.max(0, 1 - posts.length / full);
  const sums = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => ({ w: 0, wr: 0, n: 0 })));
  for (const p of posts) {
    const at = DateTime.fromJSDate(p.publishedAt, { zone: opts.timeZone });
    const ageDays = (opts.now.getTime() - p.publishedAt.getTime()) / 86_400_000;
    const w = Math.pow(0.5, ageDays / halfLife);
    // +1 on both sides: a channel whose usual post gets 0 still ranks 3 likes above 0.
    const ratio = (p.engagement + 1) / (usual + 1);
    const cell = sums[at.weekday - 1]![at.hour]!;
    cell.w += w;
    cell.wr += w * ratio;
    cell.n += 1;
  }
  const out: ScoredSlot[] = [];
  for (let d = 0; d < 7; d++) {
    for (let h = 0; h < 24; h++) {
      const c = sums[d]![h]!;
      const own = (c.wr + SHRINK) / (c.w + SHRINK);
      const score = (1 - priorShare) * own + priorShare * opts.prior[d]![h]!;
      const basis: BestTimeWhy['basis'] = c.n === 0 ? (priorShare > 0 ? 'network' : 'history') : priorShare > 0 ? 'blend' : 'history';
      out.push({
        weekday: d + 1,
        hour: h,
        score: round(score, 3),
        why: { basis, slotPosts: c.n, ratio: c.n ? round(c.wr / c.w, 1) : null, totalPosts: posts.length, priorShare: round(priorShare, 2) },
      });
    }
  }
  // Ties (e.g. no data, flat prior) go to the earlier slot in the week.
  return out.sort((a, b) => b.score - a.score || a.weekday - b.weekday || a.hour - b.hour);
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
