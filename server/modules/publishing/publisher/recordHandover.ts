import { inArray } from 'drizzle-orm';
import type { RemoteRef } from '../../../../connectors/types';
import { publishAttempts, type postTargets } from '../../../db/schema';
import { recordChannelOk } from '../../channels';
import { confirmHandover } from '../jobs/confirmHandover';
import { CONFIRM_AFTER_MS } from './handover';
import { settle } from './outcomes';
import type { PublisherServices } from './runTarget';

type Target = typeof postTargets.$inferSelect;

/** The network answered with a post it holds for later (native scheduling) — only ever a single-part post. */
export function isHeldByNetwork(ref: RemoteRef, parts: number): boolean {
  return ref.meta?.scheduled === 'true' && parts === 1;
}

/**
 * The network holds the post and will publish it by itself at its time: the target is `handed_over`
 * with the network's scheduled reference, its attempt closed, and the confirmation job set for just
 * after the due time — all in one transaction, fenced by the lease.
 */
export async function recordHandover(svc: PublisherServices, o: { target: Target; lease: Date; channelId: string; attemptIds: number[]; ref: RemoteRef; outcome: 'success' | 'reconciled'; durationMs?: number }) {
  const { db, jobs } = svc;
  const attempt = o.outcome === 'success' ? { outcome: 'success' as const, remoteId: o.ref.id, durationMs: o.durationMs ?? null, message: 'Handed over to the network’s scheduler.' } : { outcome: 'reconciled' as const, remoteId: o.ref.id, message: 'Found held by the network’s scheduler after an unknown outcome.' };
  await settle(db, o.target, { state: 'handed_over', remoteRefs: [o.ref], nextPart: 1, lastError: null }, o.lease, async (tx) => {
    await tx.update(publishAttempts).set(attempt).where(inArray(publishAttempts.id, o.attemptIds));
    await jobs.enqueue(tx, confirmHandover, { targetId: o.target.id }, { startAfter: new Date(o.target.dueAt.getTime() + CONFIRM_AFTER_MS), singletonKey: `confirm:${o.target.id}` });
  });
  await recordChannelOk(db, o.channelId);
}
