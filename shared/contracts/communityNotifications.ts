import { z } from 'zod';
import { Id } from './common';

/** Why a member is told: a reply in a followed thread, an @mention, an answer to their post, an event soon, the welcome. */
export const COMMUNITY_NOTIFICATION_KINDS = ['reply', 'mention', 'quote', 'event_reminder', 'welcome'] as const;
export const CommunityNotificationKind = z.enum(COMMUNITY_NOTIFICATION_KINDS);

export const CommunityNotification = z.object({
  id: Id,
  kind: CommunityNotificationKind,
  threadId: Id.nullable(),
  postId: Id.nullable(),
  eventId: Id.nullable(),
  /**
   * Strings for the text, as they were when it happened. reply/mention/quote: actorName, threadTitle,
   * excerpt; event_reminder: eventTitle, threadTitle, startsAt (ISO, UTC), window ("24h" or "1h");
   * welcome: communityName, messageHtml (sanitized).
   */
  payload: z.record(z.string(), z.string()),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});

export const ListCommunityNotificationsQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1, 'Ask for at least 1 notification.').max(100, 'Ask for at most 100 notifications at a time.').default(20),
  /** `nextCursor` of the previous page. */
  cursor: z.uuid('Pass the nextCursor of the previous page as cursor.').optional(),
});

export const CommunityNotificationPage = z.object({
  notifications: z.array(CommunityNotification),
  unreadCount: z.number().int(),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});

export const MarkCommunityNotificationsReadBody = z
  .strictObject({
    ids: z.array(Id).min(1, 'Name at least one notification, or send {"all": true}.').max(200, 'Mark at most 200 notifications at a time, or send {"all": true}.').optional(),
    all: z.literal(true).optional(),
  })
  .refine((b) => (b.ids === undefined) !== (b.all === undefined), { message: 'Send either "ids" (some notifications) or "all": true, not both and not neither.' });

export const CommunityUnreadCount = z.object({ unreadCount: z.number().int() });

/** `GET /live`: the thread to follow live (optional for a signed-in member, who always gets their notifications). */
export const LiveQuery = z.strictObject({ thread: z.uuid('thread must be a thread id.').optional() });

/** `GET /unsubscribe` and `POST /unsubscribe` (List-Unsubscribe-Post): the signed token from the digest email. */
export const UnsubscribeQuery = z.object({ token: z.string().min(10, 'This unsubscribe link is incomplete: open the link from the email again.').max(300) });
