import { useEffect } from 'react';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import { forumPaths } from '../paths';
import { useUnread } from '../unread';
import { onLiveNotification, useLive } from '../useLive';

/**
 * The member's bell: a link to the notifications with the unread count, kept current by the live
 * stream. Thread pages already have a stream (it carries the member's notifications too); other
 * pages open one without a thread.
 */
export function NotificationBell() {
  const t = useT();
  const { data, me, api } = useForum();
  const { count, setCount } = useUnread();
  useEffect(() => {
    if (!me) return;
    return onLiveNotification(() => {
      void api
        .get<{ unreadCount: number }>('/notifications/unread-count')
        .then((r) => setCount(r.unreadCount))
        .catch(() => undefined);
    });
  }, [me, api, setCount]);
  if (!me || count === null) return null;
  const label = t('forum.notifications.bell', { count });
  return (
    <>
      {data.page.kind !== 'thread' && <NotificationStream communityId={data.community.id} />}
      <a className="bell" href={forumPaths.notifications(data.community.id)} aria-label={label} title={label} aria-current={data.page.kind === 'notifications' ? 'page' : undefined}>
        <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24">
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {count > 0 && (
          <span className="count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </a>
    </>
  );
}

function NotificationStream({ communityId }: { communityId: string }) {
  // The events reach the bell through onLiveNotification; nothing else to do here.
  useLive(communityId, '', () => undefined);
  return null;
}
