import { useEffect, useState, type MouseEvent } from 'react';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import type { CommunityNotification, ForumPage } from '../pageData';
import { forumPaths } from '../paths';
import { DateTime } from '../parts/DateTime';
import { NotificationText } from '../parts/NotificationText';
import { useUnread } from '../unread';
import { onLiveNotification } from '../useLive';

type NotificationsPageData = Extract<ForumPage, { kind: 'notifications' }>;
interface NotificationPage {
  notifications: CommunityNotification[];
  unreadCount: number;
  nextCursor: string | null;
}

/** The member's notifications, newest first: unread ones stand out, "older" pages by cursor. */
export function NotificationsPage({ page }: { page: NotificationsPageData }) {
  const t = useT();
  const { data, api } = useForum();
  const { count, setCount } = useUnread();
  const [items, setItems] = useState(page.notifications);
  const [nextCursor, setNextCursor] = useState(page.nextCursor);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const c = data.community.id;

  // On the first page a new notification appears at the top as it happens.
  useEffect(() => {
    if (page.cursor) return;
    return onLiveNotification(() => {
      void api
        .get<NotificationPage>('/notifications?limit=20')
        .then((fresh) => {
          setItems(fresh.notifications);
          setNextCursor(fresh.nextCursor);
          setCount(fresh.unreadCount);
        })
        .catch(() => undefined);
    });
  }, [api, page.cursor, setCount]);

  const markedRead = (ids: Set<string> | 'all') => setItems((list) => list.map((n) => (!n.readAt && (ids === 'all' || ids.has(n.id)) ? { ...n, readAt: new Date().toISOString() } : n)));

  async function markAll() {
    setBusy(true);
    setError(null);
    try {
      const r = await api.send<{ unreadCount: number }>('POST', '/notifications/read', { all: true });
      markedRead('all');
      setCount(r.unreadCount);
    } catch {
      setError(t('forum.notifications.markFailed'));
    } finally {
      setBusy(false);
    }
  }

  function open(n: CommunityNotification, href: string, e: MouseEvent<HTMLAnchorElement>) {
    if (n.readAt) return;
    const mark = api.send<{ unreadCount: number }>('POST', '/notifications/read', { ids: [n.id] }).then((r) => {
      markedRead(new Set([n.id]));
      setCount(r.unreadCount);
    });
    // A plain click waits for the mark (a page change would cancel it); a new tab or window need not.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return void mark.catch(() => undefined);
    e.preventDefault();
    void mark.catch(() => undefined).finally(() => window.location.assign(href));
  }

  const unreadHere = items.some((n) => !n.readAt);
  return (
    <>
      <h1>{t('forum.notifications.title')}</h1>
      <div className="toolbar">
        <p className="meta" aria-live="polite">
          {t('forum.notifications.unreadCount', { count: count ?? 0 })}
        </p>
        <button type="button" onClick={() => void markAll()} disabled={busy || (!unreadHere && !count)}>
          {t('forum.notifications.markAll')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {items.length === 0 ? (
        <p>{page.cursor ? t('forum.notifications.noOlder') : t('forum.notifications.none')}</p>
      ) : (
        <ol className="notifications">
          {items.map((n) => (
            <li key={n.id} className={n.readAt ? 'notification' : 'notification unread'}>
              {!n.readAt && <span className="badge new">{t('forum.notifications.new')}</span>}
              <NotificationText n={n} onOpen={(href, e) => open(n, href, e)} />
              <span className="meta">
                <DateTime iso={n.createdAt} />
              </span>
            </li>
          ))}
        </ol>
      )}
      {(page.cursor || nextCursor) && (
        <nav className="pager" aria-label={t('forum.notifications.pages')}>
          {page.cursor && <a href={forumPaths.notifications(c)}>{t('forum.notifications.newest')}</a>}
          {nextCursor && (
            <a rel="next" href={forumPaths.notifications(c, nextCursor)}>
              {t('forum.notifications.older')}
            </a>
          )}
        </nav>
      )}
    </>
  );
}
