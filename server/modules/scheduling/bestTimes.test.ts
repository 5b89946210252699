import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { scoreSlots, type PostEngagement } from './bestTimes';
import { priorFor } from './priors';

const now = new Date('2026-11-20T12:00:00Z');
const flat = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 1));
/** A post at weekday/hour local in the zone, `weeksAgo` weeks before now. */
const at = (zone: string, weekday: number, hour: number, weeksAgo: number, engagement: number): PostEngagement => {
  const base = DateTime.fromJSDate(now, { zone }).startOf('week').minus({ weeks: weeksAgo });
  return { publishedAt: base.plus({ days: weekday - 1, hours: hour }).toJSDate(), engagement };
};
const slot = (r: ReturnType<typeof scoreSlots>, weekday: number, hour: number) => r.find((s) => s.weekday === weekday && s.hour === hour)!;

describe('best-time scoring (pure)', () => {
  it('without posts, ranks by the network prior alone and says so', () => {
    const r = scoreSlots([], { timeZone: 'Europe/Rome', now, prior: priorFor('bluesky') });
    expect(r).toHaveLength(168);
    expect(r[0]!.why).toEqual({ basis: 'network', slotPosts: 0, ratio: null, totalPosts: 0, priorShare: 1 });
    // The prior favours a weekday morning over a Sunday night.
    expect(slot(r, 2, 9).score).toBeGreaterThan(slot(r, 7, 3).score);
    const mean = r.reduce((a, s) => a + s.score, 0) / r.length;
    expect(mean).toBeCloseTo(1, 2);
  });

  it('with enough history, the slot whose posts do best wins, with how many posts and by how much', () => {
    const zone = 'Europe/Rome';
    const history: PostEngagement[] = [];
    for (let w = 1; w <= 12; w++) history.push(at(zone, 2, 9, w, 10)); // Tuesday 09:00, 10 each
    for (let w = 1; w <= 12; w++) history.push(at(zone, 4, 15, w, 2)); // Thursday 15:00, 2 each
    const r = scoreSlots(history, { timeZone: zone, now, prior: priorFor('bluesky') });
    expect(r[0]).toMatchObject({ weekday: 2, hour: 9, why: { basis: 'history', slotPosts: 12, totalPosts: 24, priorShare: 0 } });
    // The usual (median) post has (2 + 10) / 2 = 6: Tuesday's posts did (10+1)/(6+1) ≈ 1.6× that.
    expect(r[0]!.why.ratio).toBe(1.6);
    expect(slot(r, 4, 15).score).toBeLessThan(1);
    // Slots without posts sit at the usual level, 1.
    expect(slot(r, 6, 3)).toMatchObject({ score: 1, why: { slotPosts: 0, basis: 'history' } });
  });

  it('reads hours in the channel zone: the same instants fall in different slots in another zone', () => {
    const history = Array.from({ length: 20 }, (_, i) => at('Europe/Rome', 2, 9, i + 1, 5));
    const rome = scoreSlots(history, { timeZone: 'Europe/Rome', now, prior: flat });
    const ny = scoreSlots(history, { timeZone: 'America/New_York', now, prior: flat });
    expect(slot(rome, 2, 9).why.slotPosts).toBe(20);
    expect(slot(ny, 2, 3).why.slotPosts + slot(ny, 2, 4).why.slotPosts).toBe(20);
  });

  it('weights recent posts more (half-life): a slot that did well lately beats one that did well long ago', () => {
    const zone = 'UTC';
    const history: PostEngagement[] = [];
    for (let w = 1; w <= 10; w++) history.push(at(zone, 1, 10, w, 1)); // the usual level
    history.push(at(zone, 3, 10, 1, 20), at(zone, 5, 10, 30, 20)); // one hit last week, one 30 weeks ago
    for (let w = 1; w <= 10; w++) history.push(at(zone, 1, 11, w, 1));
    const r = scoreSlots(history, { timeZone: zone, now, prior: flat, halfLifeDays: 30 });
    expect(slot(r, 3, 10).score).toBeGreaterThan(slot(r, 5, 10).score);
    // The ratio reported is that slot's own weighted mean, the same for both here (one post each).
    expect(slot(r, 3, 10).why.ratio).toBe(slot(r, 5, 10).why.ratio);
  });

  it('blends in the prior by count below 20 posts: 5 posts → 75 % prior', () => {
    const zone = 'UTC';
    const history = Array.from({ length: 5 }, (_, i) => at(zone, 6, 22, i + 1, 50));
    const prior = priorFor('bluesky');
    const r = scoreSlots(history, { timeZone: zone, now, prior });
    const s = slot(r, 6, 22);
    expect(s.why).toMatchObject({ basis: 'blend', slotPosts: 5, totalPosts: 5, priorShare: 0.75 });
    // own = (5 × 1 + 1) / (w + 1) with ratio 1 (all posts equal the median): the score is the blend.
    expect(s.score).toBeCloseTo(0.25 * 1 + 0.75 * prior[5]![22]!, 2);
    expect(slot(r, 1, 9).why.basis).toBe('network');
  });

  it('ignores posts "published" after now', () => {
    const r = scoreSlots([{ publishedAt: new Date(now.getTime() + 3_600_000), engagement: 100 }], { timeZone: 'UTC', now, prior: flat });
    expect(r[0]!.why.totalPosts).toBe(0);
  });
});
