import { z } from 'zod';
import { Id } from './common';

/** Team comments on a post: plain text, stored as typed and always rendered as text. */
export const COMMENT_MAX = 5_000;
/** Stored exactly as typed (no trimming, no markup): only an all-blank comment is refused. */
export const CommentText = z
  .string()
  .max(COMMENT_MAX, `A comment can be at most ${COMMENT_MAX} characters; split it in two.`)
  .refine((s) => s.trim().length > 0, 'Write something before sending the comment.');

export const CreateCommentBody = z.strictObject({ body: CommentText });

export const Comment = z.object({
  id: Id,
  postId: Id,
  /** Null when the author's account was deleted. */
  author: z.object({ userId: Id, name: z.string() }).nullable(),
  body: z.string(),
  /** Members named with @handle in the body (handle = the part of their email before the @). */
  mentions: z.array(z.object({ userId: Id, name: z.string(), handle: z.string() })),
  /** Whether the caller may delete it (their own, or they moderate comments). */
  canDelete: z.boolean(),
  createdAt: z.string(),
});
export type Comment = z.infer<typeof Comment>;

/** What a notification is about; the web app and the emails have a text for each. */
export const NOTIFICATION_KINDS = [
  'post.review_requested',
  'post.approved',
  'post.changes_requested',
  'post.published',
  'post.publish_failed',
  'post.comment',
  'post.mention',
  'channel.needs_reconnect',
  'community.thread_unanswered',
] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

/**
 * Strings a notification carries for its text: usually postId, postExcerpt, actorName, and per kind
 * commentExcerpt (comment, mention), channelName and message (publish_failed), channelId, channelName
 * and message (channel.needs_reconnect), threadId, threadTitle, spaceName and hours (community.thread_unanswered).
 */
export const NotificationPayload = z.record(z.string(), z.string());

export const Notification = z.object({
  id: Id,
  kind: NotificationKind,
  payload: NotificationPayload,
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof Notification>;

export const ListNotificationsQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1, 'Ask for at least 1 notification.').max(100, 'Ask for at most 100 notifications at a time.').default(20),
  /** `nextCursor` of the previous page. */
  cursor: z.uuid('Pass the nextCursor of the previous page as cursor.').optional(),
});

export const NotificationPage = z.object({
  notifications: z.array(Notification),
  unreadCount: z.number().int(),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});

export const MarkNotificationsReadBody = z
  .strictObject({
    ids: z.array(Id).min(1, 'Name at least one notification, or send {"all": true}.').max(200, 'Mark at most 200 notifications at a time, or send {"all": true}.').optional(),
    all: z.literal(true).optional(),
  })
  .refine((b) => (b.ids === undefined) !== (b.all === undefined), { message: 'Send either "ids" (some notifications) or "all": true, not both and not neither.' });

export const UnreadCount = z.object({ unreadCount: z.number().int() });
