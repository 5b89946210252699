import type { Db } from '../../db/client';
import { publish } from '../../realtime';

/**
 * The SSE contract of `GET /api/communities/:id/live` (the member web UI is built on it; keep it exact):
 * thread streams carry post.created / post.updated / post.deleted / reaction.changed {threadId, postId}
 * and poll.changed {threadId, pollId}; a member's own stream carries notification {id, kind}.
 * Payloads are ids only: clients re-read through the API, which checks visibility again.
 */
export type PostEvent = 'post.created' | 'post.updated' | 'post.deleted' | 'reaction.changed';

export const threadChannel = (threadId: string) => `thread:${threadId}`;
export const memberChannel = (memberId: string) => `member:${memberId}`;

/** Only about published posts: a pending post is no one's business but its author's and the staff's. */
export function emitPostEvent(db: Db, event: PostEvent, post: { threadId: string; id: string }): Promise<void> {
  return publish(db, threadChannel(post.threadId), event, { threadId: post.threadId, postId: post.id });
}

export function emitPollChanged(db: Db, threadId: string, pollId: string): Promise<void> {
  return publish(db, threadChannel(threadId), 'poll.changed', { threadId, pollId });
}

export function emitNotification(db: Db, memberId: string, n: { id: string; kind: string }): Promise<void> {
  return publish(db, memberChannel(memberId), 'notification', { id: n.id, kind: n.kind });
}
