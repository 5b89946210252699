import { and, eq, gt, sql } from 'drizzle-orm';
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
 * Reserves `units` posts (all the parts a thread still has to publish, so it is never cut mid-way)
 * on the channel. Call inside the claim's transaction: the channel row is locked so concurrent
 * claims on one channel take their turns, and reservations are visible to the next claim at once.
 */
export async function reserveQuota(tx: Db, o: { channelId: string; channelName: string; rules: QuotaRule[]; units: number; now: Date }): Promise<QuotaAnswer> {
  const rules = o.rules.filter((r) => r.action === 'create');
  if (!rules.length) return { ok: true, reservation: null };
  for (const r of rules) {
    if (o.units * r.cost > r.limit) return { ok: false, never: `This needs ${o.units} posts in a row on ${o.channelName}, more than the network allows in ${r.windowSeconds} s (${Math.floor(r.limit / r.cost)}); split it into shorter threads.` };
  }
  await tx.select({ id: channels.id }).from(channels).where(eq(channels.id, o.channelId)).for('update');
  for (const r of rules) {
    const since = new Date(o.now.getTime() - r.windowSeconds * 1000);
    const [used] = await tx.select({ n: sql<number>`coalesce(sum(${quotaLedger.cost}), 0)::int`, oldest: sql<string | null>`min(${quotaLedger.at})` }).from(quotaLedger).where(and(eq(quotaLedger.channelId, o.channelId), eq(quotaLedger.action, 'create'), gt(quotaLedger.at, since)));
    if ((Number(used?.n ?? 0) + o.units) * r.cost > r.limit) {
      const oldest = used?.oldest ? new Date(used.oldest) : o.now;
      return { ok: false, retryAt: new Date(oldest.getTime() + r.windowSeconds * 1000 + 1000), why: `quota of ${r.limit} per ${r.windowSeconds}s reached on ${o.channelName}` };
    }
  }
  const at = bucketEnd(rules, o.now.getTime());
  await addUnits(tx, o.channelId, at, o.units);
  return { ok: true, reservation: { at, units: o.units } };
}

/** Gives back reserved units that were not published (a refused or failed call). */
export async function refundQuota(db: Db, channelId: string, reservation: Reservation | null, units: number) {
  if (!reservation || units <= 0) return;
  await db.transaction(async (tx) => {
    await tx.select({ id: channels.id }).from(channels).where(eq(channels.id, channelId)).for('update');
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
