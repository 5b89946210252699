import type { Connector } from '../../../../connectors/types';

/**
 * Native scheduling handover: a post whose network can hold it (Mastodon's `scheduled_at`…) is handed
 * over this long before the network's own minimum lead, so a Tandem outage at the due time loses
 * nothing and the network publishes on the minute. Editing or cancelling before the time withdraws
 * it there; after the time a job confirms what the network did (confirmHandover).
 */
export const HANDOVER_MARGIN_MS = 5 * 60_000;
/** The network needs this much more than its minimum lead when the call is made (clocks, travel). */
const SAFETY_MS = 30_000;
/** The confirmation looks this long after the due time (the network's scheduler runs in batches). */
export const CONFIRM_AFTER_MS = 2 * 60_000;
/** Between two looks while the network still holds the post. */
export const CONFIRM_EVERY_MS = 2 * 60_000;
/** Still held this long after its time: a person looks (the target becomes unknown). */
export const CONFIRM_GIVE_UP_MS = 50 * 60_000;
/** A handed-over post can be withdrawn until this close to its time; later the network may be publishing it. */
export const WITHDRAW_BEFORE_MS = 60_000;

export interface Handover {
  /** How long before the due time the post is handed over. */
  leadMs: number;
  /** The network's own minimum lead. */
  minLeadMs: number;
}

/** Whether (and how early) the publisher may hand a network's posts over: data from the manifest. */
export function handoverOf(connector: Connector | undefined): Handover | null {
  const w = connector?.capabilities.nativeSchedulingWindow;
  // A post handed over must be withdrawable (cancel, edit): networks that cannot delete are called at the time.
  if (!connector?.confirmScheduled || !connector.capabilities.nativeScheduling || !w || connector.capabilities.canDelete === false) return null;
  const minLeadMs = w.minLeadSeconds * 1000;
  return { minLeadMs, leadMs: Math.min(w.maxLeadSeconds * 1000, minLeadMs + HANDOVER_MARGIN_MS) };
}

/** When the publisher first looks at a target due at `dueAt`: its handover time, or its due time. */
export function firstRunAt(h: Handover | null, dueAt: Date, now = new Date()): Date {
  if (!h) return dueAt;
  return new Date(Math.max(now.getTime(), dueAt.getTime() - h.leadMs));
}

/**
 * A target claimed ahead of its time: hand it over now, or come back later. Only a single-part post
 * is handed over (a reply cannot be scheduled before the post it answers exists), and only while
 * the network's minimum lead still holds; otherwise it is published at its time as usual.
 */
export function handoverDecision(h: Handover | null, o: { dueAt: Date; now: Date; parts: number; nextPart: number }): { kind: 'now' } | { kind: 'later'; at: Date; why: string } {
  const due = o.dueAt.getTime();
  const now = o.now.getTime();
  const atDue = { kind: 'later' as const, at: o.dueAt, why: 'not due yet' };
  if (!h || o.parts !== 1 || o.nextPart !== 0) return atDue;
  if (due - h.leadMs > now + 1000) return { kind: 'later', at: new Date(due - h.leadMs), why: 'handed over to the network closer to its time' };
  if (due - now < h.minLeadMs + SAFETY_MS) return atDue;
  return { kind: 'now' };
}
