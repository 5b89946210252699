import type { notifications, postComments } from '../../db/schema';
import type { Comment, Notification } from '../../../shared/contracts/collaboration';
import { mentionsIn, type MemberHandle } from './mentions';

type CommentRow = typeof postComments.$inferSelect;
type NotificationRow = typeof notifications.$inferSelect;

export function presentComment(c: CommentRow, authorName: string | null, members: readonly MemberHandle[], canDelete: boolean): Comment {
  return {
    id: c.id,
    postId: c.postId,
    author: c.authorId && authorName !== null ? { userId: c.authorId, name: authorName } : null,
    body: c.body,
    mentions: mentionsIn(c.body, members).map((m) => ({ userId: m.userId, name: m.name, handle: m.handle })),
    canDelete,
    createdAt: c.createdAt.toISOString(),
  };
}

export function presentNotification(n: NotificationRow): Notification {
  return {
    id: n.id,
    kind: n.kind as Notification['kind'],
    payload: n.payload,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}
