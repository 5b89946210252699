import { hostname } from 'node:os';
import { and, eq, inArray } from 'drizzle-orm';
import pLimit from 'p-limit';
import { PublishError, type Connector, type ConnectorContext, type RemoteRef } from '../../../../connectors/types';
import type { SecretBox } from '../../../crypto';
import type { Db } from '../../../db/client';
import { publishAttempts } from '../../../db/schema';
import type { JobQueue } from '../../../jobs/runtime';
import type { Logger } from '../../../logger';
import { connectorContext, connectorFor, maybeConnectorFor } from '../../channels';
import { loadPublishMedia } from '../../media';
import type { Storage } from '../../../storage';
import { linkCardFor } from './linkCard';
import { publishTarget } from '../jobs/publishTarget';
import { claimTarget } from './claimTarget';
import { handoverOf } from './handover';
import { isHeldByNetwork, recordHandover } from './recordHandover';
import { finishTarget, LeaseLost, recordFailure, recordPart, recordUnknown, renewLease, settle } from './outcomes';
import { refundQuota } from './quota';

export interface PublisherServices {
  db: Db;
  jobs: JobQueue;
  secrets?: SecretBox;
  log: Logger;
  /** How long a claim holds the target (PUBLISH_LEASE_SECONDS); renewed before each call and with each part. */
  leaseMs: number;
  /** Where the media library keeps the bytes; absent only where no post carries media (queue tests). */
  storage?: Storage;
}

const WORKER = `${hostname()}:${process.pid}`;
/**
 * Many posts publish at once (PUBLISH_CONCURRENCY, mostly waiting on networks), but a post's media
 * bytes are held in memory until the network has them: only a few posts with media are sent at a time.
 */
const mediaSlots = pLimit(8);

/**
 * Publishes the target's parts in order from `next_part`, exactly once in effect: intent is recorded
 * before each network call, and an intent left without outcome (a crash, a lost answer) is reconciled
 * by looking the post up on the network before anything is sent again. Every write is fenced by the
 * lease: a run whose lease ran out and was taken over stops without writing.
 */
export async function runTarget(svc: PublisherServices, targetId: string): Promise<void> {
  try {
    await publishParts(svc, targetId);
  } catch (err) {
    if (!(err instanceof LeaseLost)) throw err;
    svc.log.warn({ targetId }, 'publisher: lease lost to another worker; leaving the target to it');
  }
}

async function publishParts(svc: PublisherServices, targetId: string): Promise<void> {
  const { db, jobs, log } = svc;
  const claim = await claimTarget(db, { targetId, quotas: (network) => connectorFor(network).capabilities.quotas, handover: (network) => handoverOf(maybeConnectorFor(network)), leaseMs: svc.leaseMs, worker: WORKER, summary: requestSummary });
  if (claim.kind === 'done' || claim.kind === 'hold') return;
  if (claim.kind === 'refuse') return settle(db, claim.target, { state: 'failed', lastError: claim.why });
  if (claim.kind === 'later') {
    log.debug({ targetId, why: claim.why, at: claim.at }, 'target deferred');
    await jobs.enqueue(db, publishTarget, { targetId }, { startAfter: claim.at, singletonKey: targetId });
    return;
  }
  const { target, post, variant, channel, parts, reservation } = claim;
  let lease = target.leaseUntil!;
  if (!svc.secrets) throw new Error('The publisher needs the secret box to open channel credentials.');
  const connector = connectorFor(channel.network);
  // The channel's auth, the operator's OAuth app (tokens renewed on the way) and their storage with expiry.
  const cctx = connectorContext(db, svc.secrets, channel, post.authorId ? { userId: post.authorId } : undefined);
  const refs: RemoteRef[] = [...target.remoteRefs];
  for (let i = target.nextPart; i < parts.length; i++) {
    const key = `${target.id}:${i}`;
    const last = i === parts.length - 1;
    // The claim wrote the first part's intent when nothing was left to reconcile.
    const claimedIntent = i === target.nextPart ? claim.intentId : null;
    let found: Awaited<ReturnType<typeof reconcile>> = null;
    try {
      if (claimedIntent === null) found = await reconcile(db, connector, cctx, target.id, i, key, target.dueAt);
    } catch (err) {
      // Cannot tell yet whether the post exists: sending again could double it, so look again later.
      await recordUnknown(svc, { target, lease, message: `looking the post up failed: ${(err as Error).message}` });
      await refundQuota(db, channel.id, reservation, parts.length - i - 1);
      return;
    }
    if (found && isHeldByNetwork(found.ref, parts.length)) return recordHandover(svc, { target, lease, channelId: channel.id, attemptIds: found.attemptIds, ref: found.ref, outcome: 'reconciled' });
    if (found) {
      refs[i] = found.ref;
      lease = await recordPart(db, { lease, leaseMs: svc.leaseMs, attemptIds: found.attemptIds, target, partIndex: i, ref: found.ref, refs, outcome: 'reconciled', last });
      continue;
    }
    let intent = claimedIntent === null ? null : { id: claimedIntent };
    if (!intent) {
      // The intent is written only while the lease is still ours, and renews it for the call.
      const next = new Date(Date.now() + svc.leaseMs);
      intent = await db.transaction(async (tx) => {
        if (!(await renewLease(tx, target.id, lease, next))) throw new LeaseLost(target.id);
        const [row] = await tx.insert(publishAttempts).values({ workspaceId: target.workspaceId, targetId: target.id, partIndex: i, idempotencyKey: key, worker: WORKER, request: requestSummary(parts, i) }).returning({ id: publishAttempts.id });
        return row!;
      });
      lease = next;
    }
    const started = Date.now();
    let ref: RemoteRef;
    try {
      const replyTo = i > 0 && refs[i - 1] && refs[0] ? { parent: refs[i - 1]!, root: refs[0] } : undefined;
      const send = async () => {
        const { media, linkCard } = await prepare(svc, post, target.workspaceId, parts[i]!.media, i);
        return connector.publish(cctx, { text: parts[i]!.text, media, replyTo, idempotencyKey: key, scheduledAt: target.dueAt, options: variant.options, linkCard });
      };
      ref = parts[i]!.media.length ? await mediaSlots(send) : await send();
    } catch (err) {
      const durationMs = Date.now() - started;
      if (err instanceof PublishError) {
        await recordFailure(svc, { attemptId: intent.id, target, lease, channelId: channel.id, err, durationMs });
        // Nothing of this part or the ones after it went out: their reserved quota is free again.
        await refundQuota(db, channel.id, reservation, parts.length - i);
      } else {
        // The network may or may not have the post: leave the intent open and reconcile on the next run.
        log.warn({ err, targetId, part: i }, 'publish outcome unknown; will reconcile before retrying');
        await recordUnknown(svc, { target, lease, message: (err as Error).message });
        await refundQuota(db, channel.id, reservation, parts.length - i - 1);
      }
      return;
    }
    if (isHeldByNetwork(ref, parts.length)) return recordHandover(svc, { target, lease, channelId: channel.id, attemptIds: [intent.id], ref, outcome: 'success', durationMs: Date.now() - started });
    refs[i] = ref;
    lease = await recordPart(db, { lease, leaseMs: svc.leaseMs, attemptIds: [intent.id], target, partIndex: i, ref, refs, outcome: 'success', durationMs: Date.now() - started, last });
  }
  // Nothing was left to publish (all parts were out before this run).
  if (target.nextPart >= parts.length) await finishTarget(db, target, lease);
}

/** What a call sends, summarised for the attempt log: sizes and shape, never the text or credentials. */
export function requestSummary(parts: { text: string; media: unknown[] }[], i: number): Record<string, number | boolean> {
  const part = parts[i]!;
  return { part: i + 1, parts: parts.length, textLength: [...new Intl.Segmenter().segment(part.text)].length, mediaCount: part.media.length, reply: i > 0 };
}

/**
 * An intent without outcome from an earlier run: ask the network whether the post exists under the
 * key. Found → the caller records it as published, closing those intents in the same transaction;
 * not found → the old intents are closed and the part is published again with the same key.
 */
async function reconcile(db: Db, connector: Connector, cctx: ConnectorContext, targetId: string, partIndex: number, key: string, dueAt: Date): Promise<{ ref: RemoteRef; attemptIds: number[] } | null> {
  const open = await db.select({ id: publishAttempts.id }).from(publishAttempts).where(and(eq(publishAttempts.targetId, targetId), eq(publishAttempts.partIndex, partIndex), eq(publishAttempts.outcome, 'unknown')));
  if (!open.length) return null;
  const ref = await connector.findPublished(cctx, key, dueAt);
  if (ref) return { ref, attemptIds: open.map((a) => a.id) };
  await db.update(publishAttempts).set({ outcome: 'error', errorKind: 'not_found', message: 'Not on the network after an unknown outcome; publishing again with the same key.' }).where(inArray(publishAttempts.id, open.map((a) => a.id)));
  return null;
}

/**
 * The media bytes and the link card of part `i`. Nothing has been sent yet, so a failure here is a
 * (transient) failure to retry with backoff, not an unknown outcome to reconcile.
 */
async function prepare(svc: PublisherServices, post: { linkPreview: Parameters<typeof linkCardFor>[0] }, workspaceId: string, refs: { assetId: string }[], i: number) {
  try {
    const media = await mediaFor(svc, workspaceId, refs);
    // The first link's card goes with the first part when it has no media (networks show one or the other).
    const linkCard = i === 0 && media.length === 0 ? await linkCardFor(post.linkPreview) : undefined;
    return { media, linkCard };
  } catch (err) {
    throw err instanceof PublishError ? err : new PublishError('transient', `preparing the post failed: ${(err as Error).message}`);
  }
}

async function mediaFor(svc: PublisherServices, workspaceId: string, media: { assetId: string }[]) {
  if (!media.length) return [];
  if (!svc.storage) throw new Error('The publisher needs the media storage to publish media.');
  return loadPublishMedia(svc.db, svc.storage, workspaceId, media.map((m) => m.assetId));
}
