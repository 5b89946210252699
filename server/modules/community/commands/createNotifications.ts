import type { Db } from '../../../db/client';
import { communityNotifications, type CommunityNotificationKind } from '../../../db/schema';
import { emitNotification } from '../liveEvents';

export interface NewNotification {
  memberId: string;
  kind: CommunityNotificationKind;
  /** Once per member and key: a second insert with the same key is a no-op (jobs may run twice). */
  dedupeKey: string;
  threadId?: string | null;
  postId?: string | null;
  eventId?: string | null;
  payload: Record<string, string>;
}

/**
 * Writes the notifications through the caller's transaction and tells each member's live stream
 * (delivered on commit). Returns those actually created.
 */
export async function createNotifications(tx: Db, workspaceId: string, items: readonly NewNotification[]) {
  if (items.length === 0) return [];
  const rows = await tx
    .insert(communityNotifications)
    .values(items.map((n) => ({ workspaceId, memberId: n.memberId, kind: n.kind, dedupeKey: n.dedupeKey, threadId: n.threadId ?? null, postId: n.postId ?? null, eventId: n.eventId ?? null, payload: n.payload })))
    .onConflictDoNothing({ target: [communityNotifications.memberId, communityNotifications.dedupeKey] })
    .returning({ id: communityNotifications.id, kind: communityNotifications.kind, memberId: communityNotifications.memberId });
  for (const r of rows) await emitNotification(tx, r.memberId, r);
  return rows;
}
