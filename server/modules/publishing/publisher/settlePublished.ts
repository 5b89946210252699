import { inArray, sql } from 'drizzle-orm';
import type { RemoteRef } from '../../../../connectors/types';
import type { Db } from '../../../db/client';
import { postTargets, posts, type PostStatus } from '../../../db/schema';
import { Batcher, batcherPer } from './batcher';
import { postStatusOf } from './postStatus';

/** The last part of a target is on the network: what to write, fenced by the lease the run holds. */
export interface Published {
  targetId: string;
  postId: string;
  lease: Date;
  refs: RemoteRef[];
  nextPart: number;
  attemptIds: number[];
  attempt: { outcome: 'success'; remoteId: string; durationMs: number | null } | { outcome: 'reconciled'; remoteId: string; message: string };
}

const batches = batcherPer((db: Db) => new Batcher<Published, boolean>((items) => settleMany(db, items)));

/**
 * Settles the target as published, closes its attempts and derives its post's status, in one
 * transaction; false when the lease was lost (another worker took the target over). Targets that
 * finish at the same time in this process share the transaction.
 */
export function settlePublished(db: Db, item: Published): Promise<boolean> {
  return batches(db).submit(item);
}

async function settleMany(db: Db, items: Published[]): Promise<boolean[]> {
  try {
    return await db.transaction((tx) => settleInTx(tx, items));
  } catch (err) {
    if (items.length === 1) throw err;
    const out: boolean[] = [];
    for (const item of items) out.push(...(await db.transaction((tx) => settleInTx(tx, [item]))));
    return out;
  }
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

async function settleInTx(tx: Db, items: Published[]): Promise<boolean[]> {
  const postIds = [...new Set(items.map((i) => i.postId))].sort();
  // Posts first, in id order: the same lock settle() takes, so status derivations never interleave.
  await tx.select({ id: posts.id }).from(posts).where(inArray(posts.id, postIds)).orderBy(posts.id).for('update');
  const targets = JSON.stringify(items.map((i) => ({ id: i.targetId, refs: i.refs, next: i.nextPart, lease: i.lease.toISOString() })));
  const updated = rowsOf<{ id: string }>(
    await tx.execute(sql`
      UPDATE post_targets t SET state = 'published', published_at = now(), last_error = NULL, remote_refs = v.refs,
        next_part = v.next, lease_until = NULL, updated_at = now()
      FROM jsonb_to_recordset(${targets}::jsonb) AS v(id uuid, refs jsonb, next int, lease timestamptz)
      WHERE t.id = v.id AND t.state = 'publishing' AND t.lease_until = v.lease
      RETURNING t.id`),
  );
  const done = new Set(updated.map((r) => r.id));
  const attempts = items
    .filter((i) => done.has(i.targetId))
    .flatMap((i) => i.attemptIds.map((id) => ({ id, outcome: i.attempt.outcome, remote: i.attempt.remoteId, dur: 'durationMs' in i.attempt ? i.attempt.durationMs : null, msg: 'message' in i.attempt ? i.attempt.message : null })));
  if (attempts.length) {
    await tx.execute(sql`
      UPDATE publish_attempts a SET outcome = v.outcome, remote_id = v.remote, duration_ms = v.dur, message = coalesce(v.msg, a.message)
      FROM jsonb_to_recordset(${JSON.stringify(attempts)}::jsonb) AS v(id bigint, outcome text, remote text, dur int, msg text)
      WHERE a.id = v.id`);
  }
  const settledPosts = [...new Set(items.filter((i) => done.has(i.targetId)).map((i) => i.postId))];
  if (settledPosts.length) {
    const states = await tx.select({ postId: postTargets.postId, state: postTargets.state }).from(postTargets).where(inArray(postTargets.postId, settledPosts));
    const byPost = new Map<string, (typeof states)[number]['state'][]>();
    for (const s of states) byPost.set(s.postId, [...(byPost.get(s.postId) ?? []), s.state]);
    const byStatus = new Map<PostStatus, string[]>();
    for (const [postId, list] of byPost) {
      const status = postStatusOf(list);
      byStatus.set(status, [...(byStatus.get(status) ?? []), postId]);
    }
    for (const [status, ids] of byStatus) await tx.update(posts).set({ status, updatedAt: new Date() }).where(inArray(posts.id, ids));
  }
  return items.map((i) => done.has(i.targetId));
}
