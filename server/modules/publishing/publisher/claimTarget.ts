import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { channels, postTargets, postVariants, posts, publishAttempts, publishingSettings } from '../../../db/schema';
import type { QuotaRule } from '../../../../connectors/types';
import { publishPartsOf } from '../presenters';
import { Batcher, batcherPer } from './batcher';
import { handoverDecision, type Handover } from './handover';
import { lockChannels, reserveQuotaMany, type Reservation } from './quota';

type Parts = ReturnType<typeof publishPartsOf>;
type Target = typeof postTargets.$inferSelect;

export type Claim =
  | { kind: 'done' }
  | { kind: 'later'; at: Date; why: string }
  | { kind: 'hold'; why: string }
  | { kind: 'refuse'; target: Target; why: string }
  | {
      kind: 'claimed';
      target: Target;
      post: typeof posts.$inferSelect;
      variant: typeof postVariants.$inferSelect;
      channel: typeof channels.$inferSelect;
      parts: Parts;
      reservation: Reservation | null;
      /** The first part's intent, written in the claim: absent when earlier intents must be reconciled first. */
      intentId: number | null;
      /** Claimed ahead of its time, to hand the post over to the network's own scheduler. */
      handover: boolean;
    };

export interface ClaimOptions {
  targetId: string;
  quotas: (network: string) => QuotaRule[];
  leaseMs: number;
  worker: string;
  summary: (parts: Parts, i: number) => Record<string, number | boolean>;
  /** When the network may take the post ahead of its time (native scheduling), else null. */
  handover: (network: string) => Handover | null;
}

const claims = batcherPer((db: Db) => new Batcher<ClaimOptions, Claim>((batch) => claimMany(db, batch)));

/**
 * Decides, under a row lock, whether this run may publish the target now, and if so takes a lease on
 * it, reserves quota for every part it still has to publish (a thread is never cut mid-way by the
 * quota) and, when no earlier intent is left open, records the intent for the first part, all in one
 * transaction. Every "not now" answer says when (or that someone else will) come back.
 * Claims made at the same time in this process share that transaction (see Batcher).
 */
export function claimTarget(db: Db, o: ClaimOptions): Promise<Claim> {
  return claims(db).submit(o);
}

async function claimMany(db: Db, batch: ClaimOptions[]): Promise<Claim[]> {
  try {
    return await db.transaction((tx) => claimInTx(tx, batch));
  } catch (err) {
    if (batch.length === 1) throw err;
    // One bad row must not fail the others: claim them one by one.
    const out: Claim[] = [];
    for (const o of batch) out.push(...(await db.transaction((tx) => claimInTx(tx, [o]))));
    return out;
  }
}

type Candidate = { target: Target; row: Joined; parts: Parts; units: number; handover: boolean };
type Joined = { channel: typeof channels.$inferSelect; post: typeof posts.$inferSelect; variant: typeof postVariants.$inferSelect; paused: boolean | null };

async function claimInTx(tx: Db, batch: ClaimOptions[]): Promise<Claim[]> {
  const o = batch[0]!;
  const now = new Date();
  const ids = [...new Set(batch.map((b) => b.targetId))];
  const answers = new Map<string, Claim>();
  const rows = await tx.select().from(postTargets).where(inArray(postTargets.id, ids)).orderBy(postTargets.id).for('update');
  const live: Target[] = [];
  for (const target of rows) {
    // A handed-over post is the network's now; its confirmation job follows it (confirmHandover).
    if (['published', 'failed', 'cancelled', 'handed_over'].includes(target.state)) continue;
    if (target.state === 'publishing' && target.leaseUntil && target.leaseUntil > now) answers.set(target.id, { kind: 'later', at: new Date(target.leaseUntil.getTime() + 1000), why: 'another worker holds it' });
    else live.push(target);
  }
  const liveIds = live.map((t) => t.id);
  const joined = new Map<string, Joined>();
  const open = new Set<string>();
  if (liveIds.length) {
    const found = await tx
      .select({ targetId: postTargets.id, channel: channels, post: posts, variant: postVariants, paused: publishingSettings.paused })
      .from(postTargets)
      .innerJoin(posts, eq(posts.id, postTargets.postId))
      .innerJoin(channels, and(eq(channels.id, postTargets.channelId), eq(channels.workspaceId, postTargets.workspaceId)))
      .innerJoin(postVariants, and(eq(postVariants.postId, posts.id), eq(postVariants.channelId, postTargets.channelId)))
      .leftJoin(publishingSettings, eq(publishingSettings.workspaceId, postTargets.workspaceId))
      .where(inArray(postTargets.id, liveIds));
    for (const { targetId, ...r } of found) joined.set(targetId, r);
    const intents = await tx.select({ targetId: publishAttempts.targetId, partIndex: publishAttempts.partIndex }).from(publishAttempts).where(and(inArray(publishAttempts.targetId, liveIds), eq(publishAttempts.outcome, 'unknown')));
    for (const a of intents) open.add(`${a.targetId}:${a.partIndex}`);
  }
  const byChannel = new Map<string, Candidate[]>();
  for (const target of live) {
    const row = joined.get(target.id);
    if (!row) continue;
    if (row.paused) {
      answers.set(target.id, { kind: 'hold', why: 'publishing is paused in this workspace' });
      continue;
    }
    const isOpen = open.has(`${target.id}:${target.nextPart}`);
    if (row.channel.status !== 'connected') {
      // Without a sign-in nothing can be sent or looked up: the post waits for the reconnection (the
      // sweep brings it back then); only a channel removed for good fails what it still had to send.
      answers.set(
        target.id,
        isOpen || row.channel.status === 'needs_reconnect'
          ? { kind: 'hold', why: 'the channel must be reconnected before the post can be sent or looked up on the network' }
          : { kind: 'refuse', target, why: 'The channel was disconnected before the post went out.' },
      );
      continue;
    }
    const parts = publishPartsOf(row.post, row.variant);
    let handover = false;
    // Ahead of its time: handed over when the network may take it early, else it waits for its time.
    if (target.dueAt.getTime() > now.getTime() + 1000) {
      const decision = handoverDecision(o.handover(row.channel.network), { dueAt: target.dueAt, now, parts: parts.length, nextPart: target.nextPart });
      if (decision.kind === 'later') {
        answers.set(target.id, { kind: 'later', at: decision.at, why: decision.why });
        continue;
      }
      handover = true;
    }
    const list = byChannel.get(row.channel.id) ?? [];
    list.push({ target, row, parts, units: Math.max(1, parts.length - target.nextPart), handover });
    byChannel.set(row.channel.id, list);
  }
  // Quota: the channel rows are locked (in id order) until the commit, so claims on one channel take turns.
  const channelIds = [...byChannel.keys()].sort();
  await lockChannels(tx, channelIds.filter((id) => o.quotas(byChannel.get(id)![0]!.row.channel.network).some((r) => r.action === 'create')));
  const claimed: { c: Candidate; reservation: Reservation | null }[] = [];
  for (const id of channelIds) {
    const list = byChannel.get(id)!;
    const channel = list[0]!.row.channel;
    const quota = await reserveQuotaMany(tx, { channelId: id, channelName: channel.name, rules: o.quotas(channel.network), units: list.map((c) => c.units), now, locked: true });
    list.forEach((c, i) => {
      const q = quota[i]!;
      if (q.ok) claimed.push({ c, reservation: q.reservation });
      else answers.set(c.target.id, 'never' in q ? { kind: 'refuse', target: c.target, why: q.never } : { kind: 'later', at: q.retryAt, why: q.why });
    });
  }
  if (claimed.length) {
    const lease = new Date(now.getTime() + o.leaseMs);
    const updated = await tx.update(postTargets).set({ state: 'publishing', leaseUntil: lease, updatedAt: now }).where(inArray(postTargets.id, claimed.map((x) => x.c.target.id))).returning();
    const fresh = new Map(updated.map((t) => [t.id, t]));
    const scheduled = [...new Set(claimed.filter((x) => x.c.row.post.status === 'scheduled').map((x) => x.c.row.post.id))];
    if (scheduled.length) await tx.update(posts).set({ status: 'publishing', updatedAt: now }).where(and(inArray(posts.id, scheduled), eq(posts.status, 'scheduled')));
    const needIntent = claimed.filter((x) => !open.has(`${x.c.target.id}:${x.c.target.nextPart}`) && x.c.target.nextPart < x.c.parts.length);
    const intents = needIntent.length
      ? await tx
          .insert(publishAttempts)
          .values(needIntent.map(({ c }) => ({ workspaceId: c.target.workspaceId, targetId: c.target.id, partIndex: c.target.nextPart, idempotencyKey: `${c.target.id}:${c.target.nextPart}`, worker: o.worker, request: o.summary(c.parts, c.target.nextPart) })))
          .returning({ id: publishAttempts.id, targetId: publishAttempts.targetId })
      : [];
    const intentOf = new Map(intents.map((i) => [i.targetId, i.id]));
    for (const { c, reservation } of claimed) {
      answers.set(c.target.id, { kind: 'claimed', target: fresh.get(c.target.id)!, post: c.row.post, variant: c.row.variant, channel: c.row.channel, parts: c.parts, reservation, intentId: intentOf.get(c.target.id) ?? null, handover: c.handover });
    }
  }
  // A second request for one target in the same batch: the first holds it now.
  const seen = new Set<string>();
  return batch.map((b) => {
    const a = answers.get(b.targetId) ?? { kind: 'done' };
    if (seen.has(b.targetId) && a.kind === 'claimed') return { kind: 'later', at: new Date(now.getTime() + o.leaseMs + 1000), why: 'another run holds it' };
    seen.add(b.targetId);
    return a;
  });
}
