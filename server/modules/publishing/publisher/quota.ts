import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { QuotaRule } from '../../../../connectors/types';
import type { Db } from '../../../db/client';
import { channels, quotaLedger } from '../../../db/schema';

/**
 * The per-channel quota ledger. A row counts network posts (`cost` = how many), and each of the
 * network's `create` rules weighs them with its own cost against its own window, so two rules on one
 * action (Bluesky: per hour and per day) read the same rows without counting a post twice.
 *
 * Rows are buckets, one per channel and time slice, stamped with the slice's END: a post leaves a
 * window up to one slice late, never early (conservative), and a window sums at most ~60 rows per
 * window length however many posts went out (instead of one row per post).
 */
export interface Reservation {
  /** The bucket the units went to (a refund goes back to the same one). */
  at: Date;
  units: number;
}

export type QuotaAnswer = { ok: true; reservation: Reservation | null } | { ok: false; retryAt: Date; why: string } | { ok: false; never: string };

function bucketEnd(rules: QuotaRule[], now: number): Date {
  const shortest = Math.min(...rules.map((r) => r.windowSeconds)) * 1000;
  const slice = Math.min(60_000, Math.max(1000, Math.floor(shortest / 60 / 1000) * 1000));
  return new Date(Math.floor(now / slice) * slice + slice);
}

/**
 * Reserves, for each claim on one channel in order, `units` posts (all the parts a thread still has
 * to publish, so it is never cut mid-way): each gets its answer, and what fits is added to the ledger
 * in one write. Call inside the claim's transaction: the channel row is locked so concurrent claims on
 * one channel take their turns, and reservations are visible to the next claim at once.
 */
export async function reserveQuotaMany(tx: Db, o: { channelId: string; channelName: string; rules: QuotaRule[]; units: number[]; now: Date; locked?: boolean }): Promise<QuotaAnswer[]> {
  const rules = o.rules.filter((r) => r.action === 'create');
  if (!rules.length) return o.units.map(() => ({ ok: true, reservation: null }));
  if (!o.locked) await lockChannels(tx, [o.channelId]);
  const used: { n: number; oldest: Date }[] = [];
  for (const r of rules) {
    const since = new Date(o.now.getTime() - r.windowSeconds * 1000);
    const [row] = await tx.select({ n: sql<number>`coalesce(sum(${quotaLedger.cost}), 0)::int`, oldest: sql<string | null>`min(${quotaLedger.at})` }).from(quotaLedger).where(and(eq(quotaLedger.channelId, o.channelId), eq(quotaLedger.action, 'create'), gt(quotaLedger.at, since)));
    used.push({ n: Number(row?.n ?? 0), oldest: row?.oldest ? new Date(row.oldest) : o.now });
  }
  const at = bucketEnd(rules, o.now.getTime());
  let taken = 0;
  const answers = o.units.map((units): QuotaAnswer => {
    const never = rules.find((r) => units * r.cost > r.limit);
    if (never) return { ok: false, never: `This needs ${units} posts in a row on ${o.channelName}, more than the network allows in ${never.windowSeconds} s (${Math.floor(never.limit / never.cost)}); split it into shorter threads.` };
    const full = rules.findIndex((r, i) => (used[i]!.n + taken + units) * r.cost > r.limit);
    if (full >= 0) {
      const r = rules[full]!;
      return { ok: false, retryAt: new Date(used[full]!.oldest.getTime() + r.windowSeconds * 1000 + 1000), why: `quota of ${r.limit} per ${r.windowSeconds}s reached on ${o.channelName}` };
    }
    taken += units;
    return { ok: true, reservation: { at, units } };
  });
  if (taken > 0) await addUnits(tx, o.channelId, at, taken);
  return answers;
}

/** Channel rows locked in id order, so batches that share channels never deadlock. */
export async function lockChannels(tx: Db, channelIds: string[]) {
  if (!channelIds.length) return;
  await tx.select({ id: channels.id }).from(channels).where(inArray(channels.id, channelIds)).orderBy(channels.id).for('update');
}

/** Gives back reserved units that were not published (a refused or failed call). */
export async function refundQuota(db: Db, channelId: string, reservation: Reservation | null, units: number) {
  if (!reservation || units <= 0) return;
  await db.transaction(async (tx) => {
    await lockChannels(tx, [channelId]);
    await addUnits(tx, channelId, reservation.at, -Math.min(units, reservation.units));
  });
}

async function addUnits(tx: Db, channelId: string, at: Date, units: number) {
  const updated = await tx
    .update(quotaLedger)
    .set({ cost: sql`${quotaLedger.cost} + ${units}` })
    .where(and(eq(quotaLedger.channelId, channelId), eq(quotaLedger.action, 'create'), eq(quotaLedger.at, at)))
    .returning({ id: quotaLedger.id });
  if (!updated.length) await tx.insert(quotaLedger).values({ channelId, action: 'create', at, cost: units });
}
